import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { CHECKSUM_BYTES, JOURNAL_HEADER, writeChecksum } from './journal-replay.js';

const CHUNK = 1 << 20;

/**
 * Writes a new file of journal lines (a compaction's snapshot) in the journal's format, so that
 * the same replay reads it: the header, then each entry with its checksum. Buffered; `finish`
 * makes it durable.
 */
export class LineFileWriter {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** Bytes of the file so far, buffered ones included. */
  size = 0;

  constructor(path: string) {
    // `wx`: a compaction never writes over a file; a leftover of a crashed one is removed first.
    this.fd = openSync(path, 'wx');
    this.append(JOURNAL_HEADER, false);
  }

  /** Appends an entry's line; returns where the entry starts (after its checksum) and its length. */
  append(line: string, checksum = true): { offset: number; length: number } {
    const needed = CHECKSUM_BYTES + line.length * 3 + 1;
    if (this.buffer.length - this.used < needed) {
      this.flush();
      if (this.buffer.length < needed) this.buffer = Buffer.allocUnsafe(needed);
    }
    const at = this.used + (checksum ? CHECKSUM_BYTES : 0);
    const length = this.buffer.write(line, at);
    if (checksum) writeChecksum(this.buffer, this.used, crc32(this.buffer.subarray(at, at + length)));
    this.buffer[at + length] = 10;
    const offset = this.size + (at - this.used);
    this.size += at + length + 1 - this.used;
    this.used = at + length + 1;
    return { offset, length };
  }

  flush(): void {
    for (let done = 0; done < this.used; ) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }

  finish(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  /** Gives up (the caller removes the file). */
  abandon(): void {
    closeSync(this.fd);
  }
}
