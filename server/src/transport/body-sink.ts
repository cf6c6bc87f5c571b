import { randomUUID } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { errorResponse } from './json-response.js';
import type { HttpResponse } from './transport.js';

/**
 * Where a request's body goes as it arrives: memory (chunks joined at the end), or a new file in
 * a spool folder, for uploads, so that a large body never sits in the process's memory. Writes
 * are synchronous: a chunk is at most 64 KiB and goes to the page cache, and the transports hand
 * over chunks that are reused once the callback returns.
 */
export class BodySink {
  private readonly chunks: Buffer[] = [];
  private fd: number | null = null;
  private readonly path: string | null;
  size = 0;

  constructor(spool: string | null) {
    this.path = spool === null ? null : join(spool, `${randomUUID()}.part`);
    if (this.path) this.fd = openSync(this.path, 'wx');
  }

  /**
   * Takes a chunk: a Buffer is the caller's to give (kept as it is), any other view is over memory
   * the transport reuses (copied, or written, before this returns). Throws ENOSPC and the like:
   * the caller refuses and `discard`s.
   */
  write(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.fd === null) this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    else for (let done = 0; done < chunk.byteLength; ) done += writeSync(this.fd, chunk, done, chunk.byteLength - done);
  }

  /** What the handler gets: the bytes, or the spooled file (whose removal `discard` does after the answer). */
  finish(): { body: Buffer; spooled?: { path: string; bytes: number } } {
    if (this.fd === null) return { body: Buffer.concat(this.chunks) };
    closeSync(this.fd);
    this.fd = null;
    return { body: Buffer.alloc(0), spooled: { path: this.path!, bytes: this.size } };
  }

  /** Drops what was received; a spooled file the handler did not take is removed. */
  discard(): void {
    this.chunks.length = 0;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.path) rmSync(this.path, { force: true });
  }
}

/** A spool write that found the disk full: nothing kept, the sender may try again later. */
export const DISK_FULL: HttpResponse = errorResponse(507, 'UNAVAILABLE', 'The server is short of disk space; send the file again later.', {
  'retry-after': '300',
});

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
