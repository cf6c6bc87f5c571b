import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SealedFile } from './chain-lines.js';
import { type HistoryBundle, HistoryDb } from './history-db.js';
import type { JournalEntry } from './journal-entry.js';
import { replayJournal } from './journal-replay.js';
import { LineFileWriter } from './line-file-writer.js';
import { addressBase, FILE_SPAN, HISTORY_DB } from './manifest.js';
import { MemoryState } from './memory-state.js';
import type { ConversationRecord, RetentionPolicy, StoredFile } from './store.js';

/*
 * One compaction, as the worker runs it (compaction-worker.ts): replays the sealed files (the last
 * snapshot and the journals rolled since) into a state of its own, moves every ended conversation
 * into the history database, and writes what is still live into a new snapshot. The store's files
 * are not touched otherwise: the store switches the manifest to the new snapshot afterwards
 * (compactor.ts), so a crash anywhere in here leaves the old files in charge and loses nothing.
 */

export type CompactionInput = {
  dataDir: string;
  /** Sealed files, in replay order. */
  inputs: string[];
  /** The snapshot to write. */
  output: string;
  now: number;
  retention: RetentionPolicy;
};

/** Where an open conversation's messages are in the new snapshot (offsets in that file). */
export type MovedLines = { id: string; seqs: Uint32Array; offsets: Float64Array; lengths: Uint32Array };

export type CompactionResult = {
  /** Open conversations' messages, now in the snapshot. */
  open: MovedLines[];
  /** Conversations now in the history database. */
  ended: string[];
  /** Conversations deleted (retention, erasure), wherever they were. */
  removed: string[];
  /** Attachments of deleted conversations, to be removed from `files/`. */
  removedFiles: string[];
  /** Visitors erased by the entries replayed. */
  erased: string[];
};

/** A point of the job where a test can stop it (and kill the process): see Compactor's `pause`. */
export type JobPoint = 'history-written' | 'snapshot-partial';

const DAY_MS = 24 * 3600 * 1000;
/** Conversations per history transaction. */
const BUNDLES_PER_COMMIT = 500;

export function retentionCutoff(policy: RetentionPolicy, room: string, now: number): number | null {
  const days = room in policy.rooms ? policy.rooms[room]! : policy.defaultDays;
  return days === null ? null : now - days * DAY_MS;
}

export async function runCompaction(input: CompactionInput, pause: (point: JobPoint) => void = () => {}): Promise<CompactionResult> {
  const state = new MemoryState();
  const files = input.inputs.map((name) => ({ name, base: addressBase(name), file: new SealedFile(join(input.dataDir, name)) }));
  state.lines = {
    read(address, length) {
      const member = files.find(({ base }) => address >= base && address < base + FILE_SPAN);
      if (!member) throw new Error(`no sealed file holds address ${address}`);
      return member.file.read(address - member.base, length);
    },
  };
  const history = new HistoryDb(join(input.dataDir, HISTORY_DB));
  const result: CompactionResult = { open: [], ended: [], removed: [], removedFiles: [], erased: [] };
  const outputPath = join(input.dataDir, input.output);
  rmSync(outputPath, { force: true });
  let writer: LineFileWriter | null = null;
  try {
    for (const { name, base } of files) {
      await replayJournal(
        join(input.dataDir, name),
        (entry, offset, length) => state.apply(entry, base + offset, length),
        () => {},
      );
    }
    result.erased = [...state.erased];

    // Ended conversations into the history (or deleted, past their room's retention).
    const filesOf = new Map<string, StoredFile[]>();
    for (const file of state.files.values()) filesOf.set(file.conversationId, [...(filesOf.get(file.conversationId) ?? []), file]);
    const bundles: HistoryBundle[] = [];
    const keptOpen: ConversationRecord[] = [];
    for (const record of state.conversations.values()) {
      if (record.status !== 'ended') {
        keptOpen.push(record);
        continue;
      }
      const cutoff = retentionCutoff(input.retention, record.room, input.now);
      const log = state.messages.get(record.id);
      const conversationFiles = filesOf.get(record.id) ?? [];
      if (cutoff !== null && (record.endedAt ?? record.createdAt) < cutoff) {
        result.removed.push(record.id);
        result.removedFiles.push(...conversationFiles.map((file) => file.id));
        continue;
      }
      const messages: string[] = [];
      for (let seq = 1; log && seq <= log.lastSeq; seq++) {
        const line = log.line(seq);
        if (line !== null) messages.push(line.slice(log.linePrefix.length, -1));
      }
      bundles.push({ record: { ...record, lastSeq: log?.lastSeq ?? 0 }, messages, files: conversationFiles });
      result.ended.push(record.id);
      if (bundles.length >= BUNDLES_PER_COMMIT) history.put(bundles.splice(0));
    }
    history.put(bundles.splice(0));

    // Retention and erasure in what the history held already.
    const gone: string[] = [];
    for (const visitorId of state.erased) gone.push(...history.conversationIdsOf(visitorId));
    for (const room of history.rooms()) {
      const cutoff = retentionCutoff(input.retention, room, input.now);
      if (cutoff === null) continue;
      for (let ids = history.endedBefore(room, cutoff, 1000); ids.length > 0; ids = history.endedBefore(room, cutoff, 1000)) {
        result.removedFiles.push(...history.remove(ids));
        result.removed.push(...ids);
      }
    }
    result.removedFiles.push(...history.remove(gone));
    result.removed.push(...gone);
    history.checkpoint();
    pause('history-written');

    // What is live into the new snapshot.
    const snapshot = new LineFileWriter(outputPath);
    writer = snapshot;
    const write = (entry: JournalEntry) => snapshot.append(JSON.stringify(entry));
    for (const record of state.settings.values()) write({ t: 'set', r: record });
    for (const record of state.settingsDeleted.values()) write({ t: 'set', r: record });
    for (const entries of state.audit.values()) for (const entry of entries) write({ t: 'audit', e: entry });
    for (const [agentId, preferences] of state.preferences) write({ t: 'pref', a: agentId, p: preferences });
    for (const session of state.sessions.values()) if (session.expiresAt > input.now) write({ t: 'sess', s: session });
    for (const record of state.outbox.values()) write({ t: 'mail', m: record });
    for (const [id, outboxState] of state.outboxDone) write({ t: 'maildone', id, s: outboxState });
    const ended = new Set([...result.ended, ...result.removed]);
    for (const file of state.files.values()) if (!ended.has(file.conversationId)) write({ t: 'file', f: file });
    snapshot.flush();
    pause('snapshot-partial');
    for (const record of keptOpen) {
      write({ t: 'conv', r: { ...record, lastSeq: 0 } });
      const log = state.messages.get(record.id);
      if (!log) continue;
      const seqs: number[] = [];
      const offsets: number[] = [];
      const lengths: number[] = [];
      for (let seq = 1; seq <= log.lastSeq; seq++) {
        const line = log.line(seq);
        if (line === null) continue;
        const place = snapshot.append(line);
        seqs.push(seq);
        offsets.push(place.offset);
        lengths.push(place.length);
      }
      result.open.push({ id: record.id, seqs: Uint32Array.from(seqs), offsets: Float64Array.from(offsets), lengths: Uint32Array.from(lengths) });
    }
    snapshot.finish();
    writer = null;
    return result;
  } catch (error) {
    writer?.abandon();
    rmSync(outputPath, { force: true });
    throw error;
  } finally {
    history.close();
    for (const { file } of files) file.close();
  }
}
