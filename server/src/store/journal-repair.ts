import { closeSync, existsSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { lockDataDir } from './data-dir-lock.js';
import { fileLines } from './file-lines.js';
import { CHECKSUM_BYTES, writeChecksum } from './journal-replay.js';
import { manifestFiles, readManifest } from './manifest.js';

/** A line put aside: where it was (file, line, byte) and, as far as it can be read, what it held. */
export type Quarantined = { file: string; line: number; offset: number; what: string };

export type RepairReport = {
  /** Entries kept as they were. */
  kept: number;
  quarantined: Quarantined[];
  /** Messages lost, by conversation: a `message-lost` event now holds each one's place. */
  lostMessages: { conversationId: string; seq: number }[];
  /** Where the damaged lines went, and where each file that was rewritten is kept as it was. */
  quarantineFile: string;
  originalFiles: string[];
};

const HEX_LINE = /^[0-9a-f]{8} /;

type Entry = { t?: string; c?: string; m?: { seq?: number; at?: number } };

/** A line's entry if its JSON reads (a damaged line's may), or null. */
function readable(body: Buffer): Entry | null {
  try {
    return JSON.parse(body.toString('utf8')) as Entry;
  } catch {
    return null;
  }
}

/** What a damaged line seems to hold, for the report: its kind and conversation when its JSON still reads. */
function describe(text: string): string {
  try {
    const entry = JSON.parse(text) as { t?: string; c?: string; m?: { seq?: number }; r?: { id?: string } };
    if (entry.t === 'msg') return `message ${entry.m?.seq ?? '?'} of conversation ${entry.c ?? '?'}`;
    if (entry.t === 'conv') return `a change to conversation ${entry.r?.id ?? '?'}`;
    return `an entry of kind "${entry.t ?? '?'}"`;
  } catch {
    return `${text.length} bytes that are not an entry`;
  }
}

/**
 * `npm run repair-journal`: for a journal that stops start-up (JournalDamaged), an explicit way
 * on that keeps everything else. Every line of the store's files (the snapshot and journals the
 * manifest lists) that fails its checksum or does not read is moved to a quarantine file, the rest
 * is kept byte for byte, and each message lost gets a `message-lost` event in its place (at the
 * end of the live journal), so that sequence numbers stay without gaps (clients resync by them).
 * Each file rewritten is kept beside it as it was. Runs only while Parley is stopped (it takes the
 * folder's lock). Returns null when nothing is damaged (and changes nothing).
 */
export function repairJournal(dataDir: string, now: number): RepairReport | null {
  const release = lockDataDir(dataDir);
  try {
    const names = manifestFiles(readManifest(dataDir));
    // Two passes, each reading a file a chunk at a time (a journal may be far larger than memory):
    // the first finds the damaged lines, the second copies every other line into the repaired file.
    const damagedLines = new Map<string, Set<number>>();
    let kept = 0;
    const quarantined: Quarantined[] = [];
    const badLines: Buffer[] = [];
    /** Highest seq and the seqs present, per conversation, among the messages kept. */
    const seqs = new Map<string, { max: number; present: Set<number>; lastAt: number }>();
    /** A message's place: present (with its time) or lost (`at` null). */
    const noteSeq = (conversationId: string, seq: number, at: number | null) => {
      const known = seqs.get(conversationId) ?? { max: 0, present: new Set<number>(), lastAt: 0 };
      known.max = Math.max(known.max, seq);
      if (at !== null) {
        known.present.add(seq);
        known.lastAt = Math.max(known.lastAt, at);
      }
      seqs.set(conversationId, known);
    };
    for (const name of names) {
      let checked = false;
      for (const { raw, offset: start, number: lineNumber } of fileLines(join(dataDir, name))) {
        const text = raw.toString('utf8');
        if (lineNumber === 1 && text.startsWith('{"t":"journal"')) {
          checked = (JSON.parse(text) as { v: number }).v >= 2;
          kept++;
          continue;
        }
        const hasSum = HEX_LINE.test(text);
        const body = hasSum ? raw.subarray(CHECKSUM_BYTES) : raw;
        const sound = hasSum ? crc32(body) === Number.parseInt(text.slice(0, 8), 16) : !checked;
        const entry = sound ? readable(body) : null;
        if (!entry) {
          quarantined.push({ file: name, line: lineNumber, offset: start, what: describe(body.toString('utf8')) });
          badLines.push(raw);
          if (!damagedLines.has(name)) damagedLines.set(name, new Set());
          damagedLines.get(name)!.add(lineNumber);
          // A lost message that was its conversation's last still gets its place held.
          const lost = readable(body);
          if (lost?.t === 'msg' && lost.c && typeof lost.m?.seq === 'number') noteSeq(lost.c, lost.m.seq, null);
          continue;
        }
        kept++;
        if (entry.t === 'msg' && entry.c && typeof entry.m?.seq === 'number') noteSeq(entry.c, entry.m.seq, entry.m.at ?? 0);
      }
    }
    if (quarantined.length === 0) return null;

    const lostMessages: RepairReport['lostMessages'] = [];
    for (const [conversationId, known] of seqs) {
      for (let seq = 1; seq <= known.max; seq++) if (!known.present.has(seq)) lostMessages.push({ conversationId, seq });
    }
    const placeholders = lostMessages.map(({ conversationId, seq }) => {
      const message = { seq, clientId: `lost:${seq}`, at: seqs.get(conversationId)!.lastAt || now, kind: 'event', event: 'message-lost' };
      const entry = Buffer.from(JSON.stringify({ t: 'msg', c: conversationId, m: message }));
      const line = Buffer.alloc(CHECKSUM_BYTES + entry.length);
      writeChecksum(line, 0, crc32(entry));
      entry.copy(line, CHECKSUM_BYTES);
      return line;
    });
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    const quarantineFile = join(dataDir, `journal.quarantine-${stamp}.jsonl`);
    if (existsSync(quarantineFile)) throw new Error(`${quarantineFile} exists already; try again in a moment`);
    writeWhole(quarantineFile, badLines);
    const live = names.at(-1)!;
    const originalFiles: string[] = [];
    for (const name of names) {
      if (!damagedLines.has(name) && (name !== live || placeholders.length === 0)) continue;
      const path = join(dataDir, name);
      const originalFile = join(dataDir, `${name.replace(/\.jsonl$/, '')}.damaged-${stamp}.jsonl`);
      const repaired = `${path}.repaired`;
      // Its header (or none, for format 0) stays: every format reads the checksummed placeholders.
      writeWhole(repaired, repairedLines(path, damagedLines.get(name) ?? new Set(), name === live ? placeholders : []));
      renameSync(path, originalFile);
      renameSync(repaired, path);
      originalFiles.push(originalFile);
    }
    return { kept, quarantined, lostMessages, quarantineFile, originalFiles };
  } finally {
    release();
  }
}

/** A file's lines but the damaged ones, then `extra`: read as they are written, never all at once. */
function* repairedLines(path: string, damaged: ReadonlySet<number>, extra: readonly Buffer[]): Generator<Buffer> {
  for (const line of fileLines(path)) if (!damaged.has(line.number)) yield line.raw;
  yield* extra;
}

/** Writes lines (each with its newline), a megabyte at a time, and makes them durable before the file is used. */
function writeWhole(path: string, lines: Iterable<Buffer>): void {
  const fd = openSync(path, 'w');
  const pending: Buffer[] = [];
  let size = 0;
  const flush = () => {
    const bytes = Buffer.concat(pending);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    pending.length = 0;
    size = 0;
  };
  try {
    for (const line of lines) {
      pending.push(line, NEWLINE);
      size += line.length + 1;
      if (size >= 1 << 20) flush();
    }
    flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const NEWLINE = Buffer.from('\n');
