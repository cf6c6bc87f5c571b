import { closeSync, fdatasync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { ErrorCode } from '@parley/shared';
import type { Metrics } from '../core/metrics.js';
import { Refusal } from '../core/refusal.js';
import type { JournalEntry } from './journal-entry.js';
import { CHECKSUM_BYTES, JOURNAL_HEADER, replayJournal, writeChecksum } from './journal-replay.js';
import type { LineLog } from './line-log.js';
import { readAt } from './read-at.js';

export type JournalSync = 'write' | 'fsync';

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
/** A batch's first buffer; a larger batch grows it. */
const BATCH_BYTES = 64 * 1024;
/**
 * Written batches' buffers kept for the next batches. Without reuse every batch (one per turn of
 * the event loop with something to write) allocated 64 KiB outside the heap: at thousands of
 * batches a second that churn fragmented the native heap and cost 0.6 KB of RSS per idle visitor.
 */
const SPARE_BUFFERS = 4;
const EMPTY = Buffer.alloc(0);
/**
 * Waits between tries to write a batch while the disk is full: short at first, so that freed space
 * is used at once, then at most 5 s apart.
 */
const DISK_FULL_RETRY_MS = [50, 100, 250, 500, 1000, 2000, 5000];

/** Errors after which writing can go on once the operator frees space; anything else stops the journal. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** What an append hears while the disk is full: "not now", which clients send again. */
export function diskFullRefusal(): Refusal {
  return new Refusal(ErrorCode.UNAVAILABLE, "The server's disk is full: nothing was stored. It will be sent again.");
}

/** Entries appended together, encoded straight into one buffer, and the promise their writers wait on. */
class Batch {
  used = 0;
  entries = 0;
  private outcome: 'pending' | 'written' | Error = 'pending';
  private settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private promise: Promise<void> | null = null;

  constructor(
    readonly start: number,
    public bytes: Buffer,
  ) {}

  /** One promise per batch, made only when someone waits (a batch has many writers). */
  done(): Promise<void> {
    if (this.outcome === 'written') return Promise.resolve();
    if (this.outcome instanceof Error) return Promise.reject(this.outcome);
    this.promise ??= new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    return this.promise;
  }

  resolve(): void {
    this.outcome = 'written';
    this.settle?.resolve();
  }

  reject(error: Error): void {
    this.outcome = error;
    this.settle?.reject(error);
  }
}

/**
 * An append-only file of JSON lines with group commit: entries appended during one turn of the
 * event loop (within MAX_WAIT_MS) are written with one write(2) (and, with `fsync`, one fdatasync)
 * before the promise of their batch resolves. So an acknowledged change is in the OS before the
 * client hears of it and survives kill -9; with `fsync` it survives power loss too. Lines can be
 * read back by offset, written or still pending.
 */
export class Journal implements LineLog {
  private batch: Batch;
  /** Batches handed to the writer and not yet written, oldest first (read-back looks there too). */
  private readonly unwritten: Batch[] = [];
  private scheduled = false;
  private failed: Error | null = null;
  private closed = false;
  private inFlight: Promise<void> = Promise.resolve();
  /** The last batch handed to the writer: written() waits for it when nothing is pending. */
  private lastFlushed: Batch | null = null;
  /** When the current batch got its first entry (performance.now()). */
  private firstPendingAt = 0;
  /** Buffers of written batches, for the next ones (see SPARE_BUFFERS). */
  private readonly spare: Buffer[] = [];
  /** Set while a batch waits for disk space: new entries are refused, the waiting ones written once there is room. */
  private diskFull = false;
  private closing = false;
  private fdClosed = false;

  private constructor(
    private readonly fd: number,
    private readonly sync: JournalSync,
    private readonly onFailure: (error: Error) => void,
    validBytes: number,
    private readonly metrics: Metrics | null,
    private readonly onDiskFull: (full: boolean, error?: Error) => void,
  ) {
    this.batch = new Batch(validBytes, Buffer.allocUnsafe(BATCH_BYTES));
  }

  /**
   * Replays the file through `onEntry` (with each line's offset and length), then opens it for
   * appending. A last line cut short (the process died mid-write) is dropped and truncated, and
   * `warn` hears about it; damage anywhere else rejects with JournalDamaged (journal-replay.ts).
   */
  static async open(
    path: string,
    options: {
      sync: JournalSync;
      onEntry: (entry: JournalEntry, offset: number, length: number) => void;
      warn: (message: string) => void;
      onFailure: (error: Error) => void;
      /** Where each write's and each fdatasync's time is observed. */
      metrics?: Metrics;
      /** Hears when the disk fills up (writes wait, new entries are refused) and when writing goes on. */
      onDiskFull?: (full: boolean, error?: Error) => void;
      /**
       * Nothing is written before this settles: a journal that follows another (a roll) starts
       * writing once the one before is whole on disk, so a crash can tear only the last one's end.
       */
      writeAfter?: Promise<unknown>;
    },
  ): Promise<Journal> {
    const fd = openSync(path, 'a+');
    let validBytes: number;
    try {
      ({ validBytes } = await replayJournal(path, options.onEntry, options.warn));
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    ftruncateSync(fd, validBytes);
    // A new journal names its format first (an empty one, or one whose only line was torn, is new).
    if (validBytes === 0) {
      const line = Buffer.from(`${JOURNAL_HEADER}\n`);
      for (let offset = 0; offset < line.length; ) offset += writeSync(fd, line, offset, line.length - offset);
    }
    const journal = new Journal(fd, options.sync, options.onFailure, fstatSync(fd).size, options.metrics ?? null, options.onDiskFull ?? (() => {}));
    if (options.writeAfter !== undefined) {
      journal.inFlight = options.writeAfter.then(
        () => {},
        () => {},
      );
    }
    return journal;
  }

  get size(): number {
    return this.batch.start + this.batch.used;
  }

  append(line: string): number {
    if (this.failed) throw this.failed;
    if (this.closed) throw new Error('the journal is closed');
    // Refused before anything is recorded in memory: what is in memory is what will be on disk.
    if (this.diskFull) throw diskFullRefusal();
    const batch = this.batch;
    if (batch.entries === 0) this.firstPendingAt = performance.now();
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so this much room always fits the line.
    const needed = CHECKSUM_BYTES + line.length * 3 + 1;
    if (batch.bytes.length - batch.used < needed) {
      const grown = Buffer.allocUnsafe(Math.max(batch.bytes.length * 2, batch.used + needed));
      batch.bytes.copy(grown, 0, 0, batch.used);
      batch.bytes = grown;
    }
    // The checksum goes first, over the entry's bytes as written; the offset is the entry's.
    const at = batch.used + CHECKSUM_BYTES;
    const written = batch.bytes.write(line, at);
    writeChecksum(batch.bytes, batch.used, crc32(batch.bytes.subarray(at, at + written)));
    const offset = batch.start + at;
    batch.bytes[at + written] = 10;
    batch.used = at + written + 1;
    batch.entries++;
    // The clock is read every 32nd entry only (reading it costs more than the rest of an append);
    // at a rate where 32 entries take long, the turn is short and setImmediate comes first.
    if (batch.entries >= MAX_BATCH || ((batch.entries & 31) === 0 && performance.now() - this.firstPendingAt >= MAX_WAIT_MS)) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushLater);
    }
    return offset;
  }

  /** Resolves once everything appended so far is written (rejects if the journal failed). */
  written(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.batch.entries > 0) return this.batch.done();
    return this.lastFlushed ? this.lastFlushed.done() : Promise.resolve();
  }

  read(offset: number, length: number): string {
    for (const batch of [...this.unwritten, this.batch]) {
      if (offset >= batch.start && offset < batch.start + batch.used) return batch.bytes.toString('utf8', offset - batch.start, offset - batch.start + length);
    }
    return readAt(this.fd, offset, length);
  }

  private readonly flushLater = (): void => {
    this.scheduled = false;
    this.flush();
  };

  private flush(): void {
    const batch = this.batch;
    if (batch.entries === 0) return;
    this.batch = new Batch(batch.start + batch.used, this.spare.pop() ?? Buffer.allocUnsafe(BATCH_BYTES));
    this.unwritten.push(batch);
    this.lastFlushed = batch;
    this.inFlight = this.inFlight.then(() => this.write(batch));
  }

  private async write(batch: Batch): Promise<void> {
    try {
      if (this.failed) throw this.failed;
      const writeStarted = performance.now();
      await this.writeAll(batch);
      this.metrics?.journalWriteSeconds.observe((performance.now() - writeStarted) / 1000);
      this.unwritten.shift();
      // Its lines are read back from the file from now on: the buffer can take the next batch's.
      if (batch.bytes.length === BATCH_BYTES && this.spare.length < SPARE_BUFFERS) this.spare.push(batch.bytes);
      batch.bytes = EMPTY;
      if (this.sync === 'fsync') {
        const syncStarted = performance.now();
        await new Promise<void>((resolve, reject) => fdatasync(this.fd, (e) => (e ? reject(e) : resolve())));
        this.metrics?.journalSyncSeconds.observe((performance.now() - syncStarted) / 1000);
      }
      batch.resolve();
    } catch (error) {
      const first = !this.failed;
      this.failed ??= error as Error;
      batch.reject(this.failed);
      if (first) this.onFailure(this.failed);
    }
  }

  /**
   * Writes the batch, resuming where a full disk stopped it (the file is opened for appending, so
   * the rest lands right after the part written), as long as it takes for space to return. Its
   * writers wait meanwhile: nothing in it is acknowledged until it is all on disk.
   */
  private async writeAll(batch: Batch): Promise<void> {
    let written = 0;
    for (let tries = 0; ; tries++) {
      try {
        while (written < batch.used) written += writeSync(this.fd, batch.bytes, written, batch.used - written);
        break;
      } catch (error) {
        if (!isDiskFull(error) || this.closing) throw error;
        if (!this.diskFull) {
          this.diskFull = true;
          this.onDiskFull(true, error as Error);
        }
        await new Promise((resolve) => setTimeout(resolve, DISK_FULL_RETRY_MS[Math.min(tries, DISK_FULL_RETRY_MS.length - 1)]));
      }
    }
    if (this.diskFull) {
      this.diskFull = false;
      this.onDiskFull(false);
    }
  }

  /**
   * Writes what is pending and syncs it to disk; appends are refused from then on, lines can
   * still be read (a rolled journal is read until a compaction has copied what it holds).
   */
  async seal(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    this.flush();
    await this.inFlight;
    this.closed = true;
    if (!this.failed) await new Promise<void>((resolve) => fdatasync(this.fd, () => resolve()));
  }

  /** Seals the journal and closes the file. */
  async close(): Promise<void> {
    if (this.fdClosed) return;
    await this.seal();
    this.fdClosed = true;
    closeSync(this.fd);
  }
}
