import { mkdirSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatMessage } from '@parley/shared';
import type { Metrics } from '../core/metrics.js';
import type { Commit } from './commit.js';
import { type CompactionPoint, Compactor } from './compactor.js';
import { lockDataDir } from './data-dir-lock.js';
import { bytesFree, DiskUsage } from './disk-usage.js';
import { embeddedMaintenance } from './embedded-maintenance.js';
import { embeddedOutbox } from './embedded-outbox.js';
import { embeddedPreferences } from './embedded-preferences.js';
import { embeddedSessions, SessionReplay } from './embedded-sessions.js';
import { embeddedAudit, embeddedSettings } from './embedded-settings.js';
import type { HistoryDb } from './history-db.js';
import { diskFullRefusal, isDiskFull, Journal, type JournalSync } from './journal.js';
import type { JournalEntry } from './journal-entry.js';
import { type LineLog, MemoryLines } from './line-log.js';
import { memoryLimits } from './memory-limits.js';
import { MemoryState } from './memory-state.js';
import type { AppendResult, ConversationRecord, ConversationStore, FileStore, MessageStore, Store } from './store.js';
import { type OpenedFiles, openStoreFiles } from './store-files.js';

export type EmbeddedStoreOptions = {
  /** Folder of the journal; without it nothing is written and nothing survives a restart. */
  dataDir?: string;
  sync?: JournalSync;
  warn?: (message: string) => void;
  /** The journal could not be written: the server must stop rather than acknowledge what it cannot keep. */
  onFailure?: (error: Error) => void;
  /** The time replay judges sessions' expiry by (the server's clock). */
  now?: () => number;
  /** Where journal write and fsync times are observed. */
  metrics?: Metrics;
  /** Roll and compact the journal once it is this long (DEFAULT_ROLL_BYTES). */
  rollBytes?: number;
  /** Tests: stops a compaction at a point while the promise is pending (to kill the process there). */
  pauseCompactionAt?: (point: CompactionPoint) => Promise<void> | void;
};

/**
 * Where ended conversations are once a compaction moved them out of memory (null for the memory
 * store). `bringBack` is called before a conversation changes, to make it whole in memory first.
 */
type History = { db: HistoryDb; bringBack(id: string): void } | null;

function conversations(state: MemoryState, commit: Commit, history: History): ConversationStore {
  return {
    save(record) {
      history?.bringBack(record.id);
      return commit({ t: 'conv', r: { ...record, lastSeq: 0 } });
    },
    async claim(id, agent, at) {
      const current = state.conversations.get(id);
      if (current?.status !== 'waiting') return null;
      const claimed: ConversationRecord = { ...current, status: 'active', agentId: agent.id, agentName: agent.name, servedFrom: agent.client, acceptedAt: at };
      await commit({ t: 'conv', r: claimed });
      return state.record(id) ?? null;
    },
    get: async (id) => state.record(id) ?? history?.db.conversation(id),
    async find(query) {
      const ids = 'open' in query ? state.conversations.keys() : (state.byVisitor.get(query.visitorId) ?? []);
      const found: ConversationRecord[] = [];
      for (const id of ids) {
        const record = state.record(id);
        if (!record) continue;
        if ('open' in query ? record.status !== 'ended' : record.room === query.room) found.push(record);
      }
      // Open conversations are all in memory; a visitor's ended ones may be in the history (memory's copy wins).
      if (history && !('open' in query)) {
        for (const record of history.db.conversationsOf(query.visitorId, query.room)) if (!state.conversations.has(record.id)) found.push(record);
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },
    async endedBetween(room, from, to) {
      const inRange = (record: ConversationRecord) =>
        record.room === room && record.status === 'ended' && (record.endedAt ?? 0) >= from && (record.endedAt ?? 0) < to;
      const found = new Map<string, ConversationRecord>();
      for (const record of history?.db.endedBetween(room, from, to) ?? []) found.set(record.id, record);
      // Memory's copy wins (a conversation brought back and changed since).
      for (const id of state.conversations.keys()) {
        const record = state.record(id)!;
        if (inRange(record)) found.set(id, record);
        else found.delete(id);
      }
      return [...found.values()].sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
    },
  };
}

function messages(state: MemoryState, lines: LineLog, history: History, appended: () => void): MessageStore {
  return {
    append(conversationId, message) {
      history?.bringBack(conversationId);
      const log = state.log(conversationId);
      const existing = log.byClientId(message.clientId);
      if (existing) {
        // The original may still be on its way to disk; its duplicate is acknowledged no sooner.
        return lines.written().then(() => ({ message: existing, duplicate: true, json: JSON.stringify(existing) }));
      }
      const stored = { ...message, seq: log.lastSeq + 1 } as ChatMessage;
      // Serialised once: the journal line embeds it, and the hub sends the same text to clients.
      const json = JSON.stringify(stored);
      let offset: number;
      try {
        offset = lines.append(`${log.linePrefix}${json}}`);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      // Recorded at once so that sequence numbers are handed out in order; acknowledged only when written.
      state.addMessage(conversationId, stored, offset, lines.size - offset - 1);
      appended();
      const result: AppendResult = { message: stored, duplicate: false, json };
      return lines.written().then(() => result);
    },
    async after(conversationId, afterSeq, limit) {
      const log = state.messages.get(conversationId);
      if (log) return log.range(afterSeq + 1, afterSeq + limit);
      return history && !state.conversations.has(conversationId) ? history.db.messages(conversationId, afterSeq, limit) : [];
    },
  };
}

/**
 * Attachments: bytes in `DATA_DIR/files/<id>` (written, with fsync, before the description goes
 * in the journal), or in memory for the memory store. Uploads arrive in `DATA_DIR/incoming`
 * (the spool, on the same disk) and are moved into place when stored.
 */
function files(state: MemoryState, commit: Commit, folder: string | null, incoming: string | null, history: History): FileStore {
  const inMemory = new Map<string, Buffer>();
  return {
    async put(file, bytes) {
      if (folder) {
        const path = join(folder, file.id);
        try {
          await writeFile(path, bytes, { flush: true });
        } catch (error) {
          // A full disk: no half-written file is left behind, and the uploader hears "not now".
          await rm(path, { force: true });
          throw isDiskFull(error) ? diskFullRefusal() : error;
        }
      } else inMemory.set(file.id, bytes);
      history?.bringBack(file.conversationId);
      await commit({ t: 'file', f: file });
    },
    spool:
      folder && incoming
        ? {
            folder: incoming,
            async adopt(file, path) {
              const target = join(folder, file.id);
              // Durable before it is described: the bytes, then the name in its folder.
              const handle = await open(path, 'r+');
              try {
                await handle.sync();
              } finally {
                await handle.close();
              }
              await rename(path, target);
              try {
                history?.bringBack(file.conversationId);
                await commit({ t: 'file', f: file });
              } catch (error) {
                await rm(target, { force: true });
                throw error;
              }
            },
          }
        : null,
    async get(id) {
      const file = state.files.get(id) ?? history?.db.file(id);
      if (!file) return undefined;
      const bytes = folder ? await readFile(join(folder, id)) : inMemory.get(id);
      return bytes && { file, bytes };
    },
  };
}

/**
 * A journal rolls (and is compacted) once it is this long, unless JOURNAL_ROLL_BYTES says
 * otherwise: a start replays at most about this much (about 0.4 s for 32 MiB here), and each
 * compaction's worker reads about this much plus the snapshot.
 */
export const DEFAULT_ROLL_BYTES = 32 * 1024 * 1024;

/**
 * The default store: every change appended to a journal in DATA_DIR before it is acknowledged,
 * and replayed at start. Everything live is in memory but old messages, which are read back from
 * the files (see MessageLog). Once the journal is long it is rolled and compacted in a worker
 * (Compactor): ended conversations move to the history database (history-db.ts) and are read from
 * there on demand, the rest into a snapshot; so memory and start-up grow with what is open, not
 * with history. Without a data folder it is the memory store (its lines kept in memory; nothing
 * survives a restart, nothing is compacted). One process only; several nodes need Redis.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<Store> {
  const state = new MemoryState();
  const now = options.now ?? Date.now;
  // For parley_store_bytes: the attachments' folder is walked once a minute at most.
  const usage = options.dataDir ? new DiskUsage(options.dataDir, now) : null;
  const warn = options.warn ?? (() => {});
  const sessionReplay = new SessionReplay(now());
  let lines: LineLog = new MemoryLines();
  let fileFolder: string | null = null;
  let incoming: string | null = null;
  let unlock = () => {};
  let history: History = null;
  let compactor: Compactor | null = null;
  if (options.dataDir) {
    const dataDir = options.dataDir;
    fileFolder = join(dataDir, 'files');
    mkdirSync(fileFolder, { recursive: true });
    unlock = lockDataDir(dataDir);
    // Uploads cut short by a crash were never stored: their spool is emptied at start (once the
    // folder is ours: another running Parley's uploads are not touched).
    incoming = join(dataDir, 'incoming');
    rmSync(incoming, { recursive: true, force: true });
    mkdirSync(incoming);
    const openJournal = (path: string, onEntry: (entry: JournalEntry, offset: number, length: number) => void, writeAfter?: Promise<unknown>) =>
      Journal.open(path, {
        sync: options.sync ?? 'write',
        onEntry,
        warn,
        onFailure: options.onFailure ?? (() => {}),
        ...(options.metrics ? { metrics: options.metrics } : {}),
        ...(writeAfter !== undefined ? { writeAfter } : {}),
        onDiskFull: (full, error) =>
          warn(
            full
              ? `the disk is full (${error?.message}): writes wait and new changes are refused (clients send them again) until space is freed`
              : 'disk space is back: the journal is written again',
          ),
      });
    let opened: OpenedFiles;
    try {
      opened = await openStoreFiles(dataDir, (entry, address, length) => state.apply(sessionReplay.filter(entry), address, length), openJournal, warn);
    } catch (error) {
      unlock();
      throw error;
    }
    lines = opened.lines;
    const db = opened.history;
    history = {
      db,
      bringBack(id) {
        compactor?.beforeChange(id);
        bringBack(state, lines, db, id);
      },
    };
    compactor = new Compactor(state, opened.lines, opened.manifest, {
      dataDir,
      openJournal: (path, writeAfter) => openJournal(path, () => {}, writeAfter),
      rollBytes: options.rollBytes ?? DEFAULT_ROLL_BYTES,
      ...(options.pauseCompactionAt ? { pauseAt: options.pauseCompactionAt } : {}),
      warn,
      now,
    });
  }
  state.lines = lines;
  const check = compactor ? () => compactor.check() : () => {};
  const commit: Commit = Object.assign(
    (entry: JournalEntry) => {
      let offset: number;
      try {
        offset = lines.append(JSON.stringify(entry));
      } catch (error) {
        return Promise.reject(error as Error);
      }
      // Applied at once so that later changes see it; acknowledged only when written.
      state.apply(entry, offset, lines.size - offset - 1);
      check();
      return lines.written();
    },
    { durable: () => lines.written() },
  );
  await Promise.all(sessionReplay.upgraded().map((session) => commit({ t: 'sess', s: session })));
  const maintenance = compactor && history ? embeddedMaintenance(state, commit, compactor, history.db, fileFolder!, now) : null;
  return {
    kind: options.dataDir ? 'embedded' : 'memory',
    conversations: conversations(state, commit, history),
    messages: messages(state, lines, history, check),
    sessions: embeddedSessions(state, commit),
    files: files(state, commit, fileFolder, incoming, history),
    outbox: embeddedOutbox(state, commit, now),
    preferences: embeddedPreferences(state, commit),
    settings: embeddedSettings(state, commit),
    audit: embeddedAudit(state, commit),
    limits: memoryLimits(now),
    diskBytes: async () => (usage ? usage.bytes() : null),
    diskFree: async () => (options.dataDir ? bytesFree(options.dataDir) : null),
    maintenance,
    async close() {
      try {
        await compactor?.close();
        await lines.close();
      } finally {
        history?.db.close();
        unlock();
      }
    },
  };
}

/**
 * A conversation the history holds is changed again (a message, a new record): its messages and
 * files' descriptions are copied back into the journal first, so that it is whole in memory again
 * (the history's copy is replaced when it ends and is compacted again). Rare: ended conversations
 * are read, not written.
 */
function bringBack(state: MemoryState, lines: LineLog, db: HistoryDb, id: string): void {
  if (state.conversations.has(id)) return;
  const record = db.conversation(id);
  if (!record) return;
  const write = (entry: JournalEntry) => {
    const offset = lines.append(JSON.stringify(entry));
    state.apply(entry, offset, lines.size - offset - 1);
  };
  write({ t: 'conv', r: { ...record, lastSeq: 0 } });
  for (const message of db.messages(id, 0, Number.MAX_SAFE_INTEGER)) write({ t: 'msg', c: id, m: message });
  for (const file of db.filesOf(id)) write({ t: 'file', f: file });
}
