import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { lockDataDir } from './data-dir-lock.js';
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
    const keptByFile = new Map<string, Buffer[]>();
    const damagedFiles = new Set<string>();
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
      const bytes = readFileSync(join(dataDir, name));
      const kept: Buffer[] = [];
      keptByFile.set(name, kept);
      let checked = false;
      let lineNumber = 0;
      for (let start = 0, newline = bytes.indexOf(10); newline !== -1; start = newline + 1, newline = bytes.indexOf(10, start)) {
        lineNumber++;
        const raw = bytes.subarray(start, newline);
        const text = raw.toString('utf8');
        if (lineNumber === 1 && text.startsWith('{"t":"journal"')) {
          checked = (JSON.parse(text) as { v: number }).v >= 2;
          kept.push(raw);
          continue;
        }
        const hasSum = HEX_LINE.test(text);
        const body = hasSum ? raw.subarray(CHECKSUM_BYTES) : raw;
        const sound = hasSum ? crc32(body) === Number.parseInt(text.slice(0, 8), 16) : !checked;
        const entry = sound ? readable(body) : null;
        if (!entry) {
          quarantined.push({ file: name, line: lineNumber, offset: start, what: describe(body.toString('utf8')) });
          badLines.push(raw);
          damagedFiles.add(name);
          // A lost message that was its conversation's last still gets its place held.
          const lost = readable(body);
          if (lost?.t === 'msg' && lost.c && typeof lost.m?.seq === 'number') noteSeq(lost.c, lost.m.seq, null);
          continue;
        }
        kept.push(raw);
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
      if (!damagedFiles.has(name) && (name !== live || placeholders.length === 0)) continue;
      const path = join(dataDir, name);
      const originalFile = join(dataDir, `${name.replace(/\.jsonl$/, '')}.damaged-${stamp}.jsonl`);
      const repaired = `${path}.repaired`;
      // Its header (or none, for format 0) stays: every format reads the checksummed placeholders.
      writeWhole(repaired, [...keptByFile.get(name)!, ...(name === live ? placeholders : [])]);
      renameSync(path, originalFile);
      renameSync(repaired, path);
      originalFiles.push(originalFile);
    }
    const kept = [...keptByFile.values()].reduce((sum, lines) => sum + lines.length, 0);
    return { kept, quarantined, lostMessages, quarantineFile, originalFiles };
  } finally {
    release();
  }
}

/** Writes lines (each with its newline) and makes them durable before the file is used. */
function writeWhole(path: string, lines: Buffer[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const line of lines) {
      const withNewline = Buffer.concat([line, Buffer.from('\n')]);
      for (let done = 0; done < withNewline.length; ) done += writeSync(fd, withNewline, done, withNewline.length - done);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
