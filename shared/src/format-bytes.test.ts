import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe('sizes, said the same everywhere', () => {
  it('uses units of 1,024: a 193-byte file is 193 B, a 10 MiB limit is 10 MB, as the server says it', () => {
    expect(formatBytes(193)).toBe('193 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(250_000)).toBe('244 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(10.5 * 1024 * 1024)).toBe('10.5 MB');
  });

  it('writes the number with the visitor’s decimal sign', () => {
    expect(formatBytes(10.5 * 1024 * 1024, 'fr')).toBe('10,5 MB');
    expect(formatBytes(10.5 * 1024 * 1024, 'not a language')).toBe('10.5 MB');
  });
});
