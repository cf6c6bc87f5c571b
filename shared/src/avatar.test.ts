import { describe, expect, it } from 'vitest';
import { initials, nameHue } from './avatar.js';

describe('avatars without pictures', () => {
  it('takes the first letters of the first and last words, in capitals, whatever the script', () => {
    expect(initials('Dana Scully')).toBe('DS');
    expect(initials('  dana  ')).toBe('D');
    expect(initials('Jean-Luc de la Fontaine')).toBe('JF');
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('李 小龙')).toBe('李小');
    expect(initials('<b>Bo</b>')).toBe('B');
    expect(initials('— ·')).toBe('?');
  });

  it('gives one name one hue, and different names different ones', () => {
    expect(nameHue('Dana Scully')).toBe(nameHue('Dana Scully'));
    expect(nameHue('Dana Scully')).not.toBe(nameHue('Eve Moreau'));
    expect(nameHue('Dana Scully')).toBeGreaterThanOrEqual(0);
    expect(nameHue('Dana Scully')).toBeLessThan(360);
  });
});
