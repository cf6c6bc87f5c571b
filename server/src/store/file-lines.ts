import { closeSync, openSync, readSync } from 'node:fs';

/** One whole line of a file (without its newline), where it starts, and its number from 1. */
export type FileLine = { raw: Buffer; offset: number; number: number };

const CHUNK = 1 << 20;

/**
 * The complete lines of a file, read a megabyte at a time: a tool that looks at every line of a
 * journal of any size holds one chunk (and one line) in memory, never the file. Bytes after the
 * last newline (a torn end) are not a line.
 */
export function* fileLines(path: string): Generator<FileLine> {
  const fd = openSync(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let carryOffset = 0;
    let position = 0;
    let number = 0;
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const got = readSync(fd, chunk, 0, CHUNK, position);
      if (got === 0) return;
      position += got;
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, got)]) : chunk.subarray(0, got);
      let start = 0;
      for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10, start)) {
        number++;
        // A copy: the chunk is reused by the next read.
        yield { raw: Buffer.from(bytes.subarray(start, newline)), offset: carryOffset + start, number };
        start = newline + 1;
      }
      carry = Buffer.from(bytes.subarray(start));
      carryOffset += start;
    }
  } finally {
    closeSync(fd);
  }
}
