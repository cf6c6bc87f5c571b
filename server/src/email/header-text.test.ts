import { describe, expect, it } from 'vitest';
import { headerText } from './header-text.js';

describe('header text', () => {
  it('turns line breaks and control characters into spaces, so nothing can start a header of its own', () => {
    expect(headerText('Dana\r\nBcc: victim@evil.example\u0000\u2028Subject: x')).toBe('Dana Bcc: victim@evil.example Subject: x');
    expect(headerText('  Café  Olé  ')).toBe('Café Olé');
    expect(headerText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
