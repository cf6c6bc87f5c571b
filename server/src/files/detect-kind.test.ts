import { describe, expect, it } from 'vitest';
import { cleanFileName, detectKind } from './detect-kind.js';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('file type by content', () => {
  it('recognises images and PDF by their signatures', () => {
    expect(detectKind(bytes([0x89], 'PNG\r\n\x1a\n', 'rest'))).toBe('png');
    expect(detectKind(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectKind(bytes('GIF89a'))).toBe('gif');
    expect(detectKind(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(detectKind(bytes('%PDF-1.7'))).toBe('pdf');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(detectKind(bytes('<svg onload="alert(1)"></svg>'))).toBeNull();
    expect(detectKind(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectKind(bytes('MZ\x90\x00'))).toBeNull();
    expect(detectKind(Buffer.alloc(0))).toBeNull();
    expect(detectKind(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
  });

  it('cleans file names of folders and control characters', () => {
    expect(cleanFileName('..%2F..%2Fetc%2Fpasswd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\me\\photo.png')).toBe('photo.png');
    expect(cleanFileName(encodeURIComponent('résumé\u202e.pdf'))).toBe('résumé.pdf');
    expect(cleanFileName(undefined)).toBe('file');
    expect(cleanFileName('%E0%A4%A')).toBe('%E0%A4%A');
  });
});
