import { createReadStream } from 'node:fs';
import type { JournalEntry } from './journal-entry.js';

/**
 * The journal's format: 1 begins with a header line naming it; 0 (before formats were numbered)
 * has no header and the same entries, so a journal from then starts as it is.
 */
export const JOURNAL_FORMAT = 1;
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
        `To recover, restore the data folder from a backup, or keep a copy of the file and cut it ` +
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
 * Feeds every complete line to `onEntry` with its offset and length. A last line cut short (the
 * process died mid-write) is left out with a warning; its length is not counted, so the caller
 * truncates it. Any other line that cannot be read or applied stops everything (JournalDamaged).
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
  for await (const chunk of createReadStream(path)) {
    const buffer: Buffer = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline !== -1; newline = buffer.indexOf(10, start)) {
      lineNumber++;
      const line = buffer.toString('utf8', start, newline);
      try {
        const named = lineNumber === 1 ? header(line) : null;
        if (lineNumber === 1) format = named ?? 0;
        if (named !== null) {
          if (named > JOURNAL_FORMAT) throw new JournalTooNew(path, named);
        } else onEntry(JSON.parse(line) as JournalEntry, consumed, newline - start);
      } catch (error) {
        if (error instanceof JournalTooNew) throw error;
        throw new JournalDamaged(path, lineNumber, consumed, (error as Error).message);
      }
      consumed += newline - start + 1;
      start = newline + 1;
    }
    carry = buffer.subarray(start);
  }
  if (carry.length > 0) warn(`journal ended in an incomplete line of ${carry.length} bytes (the server stopped mid-write); it was dropped`);
  return { validBytes: consumed, format };
}
