import { createReadStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { JournalEntry } from './journal-entry.js';

/**
 * The journal's format: 2 puts a checksum before each entry (see CHECKSUM_BYTES); 1 began with a
 * header line naming the format; 0 (before formats were numbered) has no header. The entries are
 * the same in all three, so an older journal starts as it is, and what is appended to it from
 * then on carries checksums.
 */
export const JOURNAL_FORMAT = 2;

/**
 * Each entry's line starts with the CRC-32 of the entry's bytes, in 8 hex digits, and a space:
 * a byte changed on disk, even one that leaves valid JSON, is found when the journal is read.
 * Offsets the store keeps point after it, at the entry itself.
 */
export const CHECKSUM_BYTES = 9;

const HEX = Buffer.from('0123456789abcdef');

/** Writes `sum` as 8 hex digits and a space at `at`. */
export function writeChecksum(buffer: Buffer, at: number, sum: number): void {
  for (let i = 7; i >= 0; i--) {
    buffer[at + i] = HEX[sum & 15]!;
    sum >>>= 4;
  }
  buffer[at + 8] = 32;
}

/** The checksum a line starts with, or null for a line without one (formats 0 and 1). */
function checksumOf(buffer: Buffer, start: number, end: number): number | null {
  if (end - start < CHECKSUM_BYTES || buffer[start + 8] !== 32) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const digit = HEX.indexOf(buffer[start + i]!);
    if (digit < 0) return null;
    sum = sum * 16 + digit;
  }
  return sum;
}

/** A journal line's entry, without its checksum: for tests and tools that read the file itself. */
export function entryText(line: string): string {
  return /^[0-9a-f]{8} /.test(line) ? line.slice(CHECKSUM_BYTES) : line;
}
/** The first line of a new journal. */
export const JOURNAL_HEADER = JSON.stringify({ t: 'journal', v: JOURNAL_FORMAT });

/** A line in the middle of the journal cannot be read: start-up stops rather than skip acknowledged data. */
export class JournalDamaged extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly offset: number,
    reason: string,
  ) {
    super(
      `${path}: line ${line} (byte ${offset}) is damaged: ${reason}. Parley stops rather than skip what it had acknowledged. ` +
        `To recover, restore the data folder from a backup; or run \`npm run repair-journal\` (with Parley stopped) to move the ` +
        `damaged line aside, keep everything else and be told what was lost; or keep a copy of the file and cut it ` +
        `before the damage (truncate -s ${offset} ${path}) to start with everything written before it.`,
    );
  }
}

/** The journal was written by a newer Parley, in a format this one does not know. */
export class JournalTooNew extends Error {
  constructor(path: string, format: number) {
    super(`${path} is in journal format ${format}, written by a newer Parley; this one reads formats up to ${JOURNAL_FORMAT}. Run the newer version.`);
  }
}

export type Replayed = {
  /** Length of the file up to its last complete line. */
  validBytes: number;
  /** The format found (0: no header), or null for an empty journal. */
  format: number | null;
};

function header(line: string): number | null {
  if (!line.startsWith('{"t":"journal"')) return null;
  const { v } = JSON.parse(line) as { v: unknown };
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

/**
 * Feeds every complete line's entry to `onEntry` with its offset and length (after the checksum).
 * A last line cut short (the process died mid-write), or a last line whose checksum does not match
 * (its blocks reached the disk out of order), is left out with a warning; its length is not
 * counted, so the caller truncates it. Any other line that cannot be read, fails its checksum or
 * cannot be applied stops everything (JournalDamaged).
 */
export async function replayJournal(
  path: string,
  onEntry: (entry: JournalEntry, offset: number, length: number) => void,
  warn: (message: string) => void,
): Promise<Replayed> {
  let carry: Buffer = Buffer.alloc(0);
  let consumed = 0;
  let lineNumber = 0;
  let format: number | null = null;
  /** A line whose checksum failed: damage, unless it turns out to be the last one. */
  let suspect: JournalDamaged | null = null;
  for await (const chunk of createReadStream(path)) {
    const buffer: Buffer = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline !== -1; newline = buffer.indexOf(10, start)) {
      if (suspect) throw suspect;
      lineNumber++;
      try {
        const sum = checksumOf(buffer, start, newline);
        const from = sum === null ? start : start + CHECKSUM_BYTES;
        const line = buffer.toString('utf8', from, newline);
        const named = lineNumber === 1 ? header(line) : null;
        if (lineNumber === 1) format = named ?? 0;
        if (named !== null) {
          if (named > JOURNAL_FORMAT) throw new JournalTooNew(path, named);
        } else if (sum !== null && crc32(buffer.subarray(from, newline)) !== sum) {
          suspect = new JournalDamaged(path, lineNumber, consumed, 'its checksum does not match its content');
        } else if (sum === null && (format ?? 0) >= 2) {
          throw new Error('it has no checksum');
        } else onEntry(JSON.parse(line) as JournalEntry, consumed + (from - start), newline - from);
      } catch (error) {
        if (error instanceof JournalTooNew) throw error;
        throw new JournalDamaged(path, lineNumber, consumed, (error as Error).message);
      }
      if (!suspect) consumed += newline - start + 1;
      start = newline + 1;
    }
    carry = buffer.subarray(start);
  }
  if (suspect) warn(`journal ended in a line whose checksum does not match (the server stopped mid-write); it was dropped, with anything after it`);
  else if (carry.length > 0) warn(`journal ended in an incomplete line of ${carry.length} bytes (the server stopped mid-write); it was dropped`);
  return { validBytes: consumed, format };
}
