import type { AttachmentKind } from '@parley/shared';

/**
 * What a file is, from its first bytes. The name and the Content-Type a client sends are the
 * client's claims; these signatures are what browsers and viewers will actually act on.
 */
export function detectKind(bytes: Buffer): AttachmentKind | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  return null;
}

/** Controls, DEL, and the bidirectional overrides that can make `exe.png` look like `gnp.exe`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (none may reach a file name).
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** A file name safe to store and show: no folders, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  let decoded = raw ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not URI-encoded: use it as sent.
  }
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE_IN_NAMES, '').trim().slice(0, 255);
  return clean || 'file';
}

/** The extensions each kind may keep; any other is replaced by the first (a file's name never claims a type its bytes are not). */
const EXTENSIONS: Record<AttachmentKind, readonly string[]> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
  pdf: ['pdf'],
};

/**
 * The name a file is kept and served under: its own, with the extension of what its bytes are.
 * "invoice.html" that is a PNG becomes "invoice.png", so that nobody who saves it opens it as a page.
 */
export function nameForKind(name: string, kind: AttachmentKind): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return EXTENSIONS[kind].includes(extension) ? name : `${stem.slice(0, 250)}.${EXTENSIONS[kind][0]}`;
}
