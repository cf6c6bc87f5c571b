import { readSync } from 'node:fs';

/** Reads `length` bytes at `offset` of an open file as UTF-8 (a stored line), however many reads it takes. */
export function readAt(fd: number, offset: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length);
  for (let done = 0; done < length; ) {
    const got = readSync(fd, buffer, done, length - done, offset + done);
    if (got === 0) throw new Error(`no line at ${offset} (${length} bytes)`);
    done += got;
  }
  return buffer.toString('utf8');
}
