import { createReadStream, closeSync, fdatasync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { JournalEntry } from './journal-entry.js';

export type JournalSync = 'write' | 'fsync';

type Waiter = { resolve: () => void; reject: (error: Error) => void };

/**
 * How long an entry waits for others to share its write. A turn of the event loop normally takes
 * less and its whole batch goes in one write; only a turn that reads a burst (thousands of
 * visitors arriving at once) runs longer, and then the first of them are written, and answered,
 * while the rest is still being read. Not a count: a cap of 256 entries split the batches of a
 * busy steady load too, and smaller batches mean more system calls per message. 20 ms is longer
 * than a saturated relay's turn (about 15 ms for 1,000 messages in flight).
 */
const MAX_WAIT_MS = 20;
/** And at most this many entries per write, to keep each write bounded. */
const MAX_BATCH = 4096;

/**
 * An append-only file of JSON lines with group commit: entries appended during one turn of the
 * event loop (within MAX_WAIT_MS) are written with one write(2) (and, with `fsync`, one fdatasync)
 * before any of their promises resolve. So an acknowledged change is in the OS before the client
 * hears of it and survives kill -9; with `fsync` it survives power loss too.
 */
export class Journal {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private scheduled = false;
  private failed: Error | null = null;
  private closed = false;
  private inFlight: Promise<void> = Promise.resolve();
  /** When the oldest entry not yet handed to a write was appended (performance.now()). */
  private firstPendingAt = 0;

  private constructor(
    private readonly fd: number,
    private readonly sync: JournalSync,
    private readonly onFailure: (error: Error) => void,
  ) {}

  /**
   * Replays the file through `onEntry`, then opens it for appending. A last line cut short (the
   * process died mid-write) is dropped and truncated; `warn` hears about it and any bad line.
   */
  static async open(
    path: string,
    options: { sync: JournalSync; onEntry: (entry: JournalEntry) => void; warn: (message: string) => void; onFailure: (error: Error) => void },
  ): Promise<Journal> {
    const fd = openSync(path, 'a+');
    const validBytes = await replay(path, options.onEntry, options.warn);
    ftruncateSync(fd, validBytes);
    return new Journal(fd, options.sync, options.onFailure);
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new Error('the journal is closed'));
    if (this.pending.length === 0) this.firstPendingAt = performance.now();
    this.pending.push(`${JSON.stringify(entry)}\n`);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.pending.length >= MAX_BATCH || performance.now() - this.firstPendingAt >= MAX_WAIT_MS) void this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
    return done;
  }

  /** Resolves once everything appended so far is written (a duplicate's ack waits for its original). */
  barrier(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.pending.length === 0) return this.inFlight;
    return new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    if (lines.length === 0) return;
    const run = this.inFlight.then(async () => {
      try {
        const data = Buffer.from(lines.join(''), 'utf8');
        for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset);
        if (this.sync === 'fsync') await new Promise<void>((resolve, reject) => fdatasync(this.fd, (e) => (e ? reject(e) : resolve())));
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.failed = error as Error;
        for (const waiter of waiters) waiter.reject(this.failed);
        this.onFailure(this.failed);
      }
    });
    this.inFlight = run;
    await run;
  }

  /** Writes what is pending, syncs to disk and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    await this.inFlight;
    this.closed = true;
    if (!this.failed) await new Promise<void>((resolve) => fdatasync(this.fd, () => resolve()));
    closeSync(this.fd);
  }
}

/** Feeds every complete line to `onEntry`; returns the length of the file up to the last complete line. */
async function replay(path: string, onEntry: (entry: JournalEntry) => void, warn: (message: string) => void): Promise<number> {
  let carry: Buffer = Buffer.alloc(0);
  let consumed = 0;
  let lineNumber = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer: Buffer = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline !== -1; newline = buffer.indexOf(10, start)) {
      lineNumber++;
      const line = buffer.toString('utf8', start, newline);
      try {
        onEntry(JSON.parse(line) as JournalEntry);
      } catch (error) {
        warn(`journal line ${lineNumber} skipped: ${(error as Error).message}`);
      }
      consumed += newline - start + 1;
      start = newline + 1;
    }
    carry = buffer.subarray(start);
  }
  if (carry.length > 0) warn(`journal ended in an incomplete line of ${carry.length} bytes (the server stopped mid-write); it was dropped`);
  return consumed;
}
