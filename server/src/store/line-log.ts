/**
 * Where the embedded store writes its entries, one JSON line each, and reads messages back from:
 * the journal file, or memory for the memory store. Entries are addressed by byte offset, so the
 * store keeps only offsets for old messages and their text stays out of the JavaScript heap.
 *
 * A compaction (rewriting the file without what is no longer needed) would produce a new file and
 * new offsets: it would replay the new file to rebuild them, as a restart does.
 */
export interface LineLog {
  /** Appends one line (without its newline); returns its byte offset. Its length is `size - offset - 1`. */
  append(line: string): number;
  /** Bytes appended so far, newlines included. */
  readonly size: number;
  /** Resolves once everything appended so far is durable (rejects if it never will be). */
  written(): Promise<void>;
  /** The line at `offset`, `length` bytes (appended earlier, written or not yet). */
  read(offset: number, length: number): string;
  /** Writes out what is pending and releases the file. */
  close(): Promise<void>;
}

/** The memory store's lines: in Buffers (outside the JavaScript heap), gone when the process ends. */
export class MemoryLines implements LineLog {
  private static readonly CHUNK = 1 << 20;
  private readonly chunks: Buffer[] = [];
  /** Offset of each chunk's first byte. */
  private readonly starts: number[] = [];
  private used = 0;
  size = 0;

  append(line: string): number {
    const offset = this.size;
    const needed = line.length * 3 + 1;
    let chunk = this.chunks.at(-1);
    if (!chunk || chunk.length - this.used < needed) {
      chunk = Buffer.allocUnsafe(Math.max(MemoryLines.CHUNK, needed));
      this.chunks.push(chunk);
      this.starts.push(offset);
      this.used = 0;
    }
    const bytes = chunk.write(line, this.used);
    chunk[this.used + bytes] = 10;
    this.used += bytes + 1;
    this.size += bytes + 1;
    return offset;
  }

  written(): Promise<void> {
    return Promise.resolve();
  }

  read(offset: number, length: number): string {
    // A line never spans two chunks (append starts a new chunk when it does not fit).
    let i = this.starts.length - 1;
    while (i > 0 && this.starts[i]! > offset) i--;
    const at = offset - this.starts[i]!;
    return this.chunks[i]!.toString('utf8', at, at + length);
  }

  async close(): Promise<void> {}
}
