import { mkdirSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatMessage } from '@parley/shared';
import type { Metrics } from '../core/metrics.js';
import type { Commit } from './commit.js';
import { lockDataDir } from './data-dir-lock.js';
import { bytesFree, bytesUnder } from './disk-usage.js';
import { embeddedOutbox } from './embedded-outbox.js';
import { embeddedPreferences } from './embedded-preferences.js';
import { embeddedSessions, SessionReplay } from './embedded-sessions.js';
import { embeddedAudit, embeddedSettings } from './embedded-settings.js';
import { diskFullRefusal, isDiskFull, Journal, type JournalSync } from './journal.js';
import type { JournalEntry } from './journal-entry.js';
import { type LineLog, MemoryLines } from './line-log.js';
import { memoryLimits } from './memory-limits.js';
import { MemoryState } from './memory-state.js';
import type { AppendResult, ConversationRecord, ConversationStore, FileStore, MessageStore, Store } from './store.js';

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
};

function conversations(state: MemoryState, commit: Commit): ConversationStore {
  return {
    save: (record) => commit({ t: 'conv', r: { ...record, lastSeq: 0 } }),
    async claim(id, agent, at) {
      const current = state.conversations.get(id);
      if (current?.status !== 'waiting') return null;
      const claimed: ConversationRecord = { ...current, status: 'active', agentId: agent.id, agentName: agent.name, servedFrom: agent.client, acceptedAt: at };
      await commit({ t: 'conv', r: claimed });
      return state.record(id) ?? null;
    },
    get: async (id) => state.record(id),
    async find(query) {
      const ids = 'open' in query ? state.conversations.keys() : (state.byVisitor.get(query.visitorId) ?? []);
      const found: ConversationRecord[] = [];
      for (const id of ids) {
        const record = state.record(id);
        if (!record) continue;
        if ('open' in query ? record.status !== 'ended' : record.room === query.room) found.push(record);
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },
  };
}

function messages(state: MemoryState, lines: LineLog): MessageStore {
  return {
    append(conversationId, message) {
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
      const result: AppendResult = { message: stored, duplicate: false, json };
      return lines.written().then(() => result);
    },
    async after(conversationId, afterSeq, limit) {
      return state.messages.get(conversationId)?.range(afterSeq + 1, afterSeq + limit) ?? [];
    },
  };
}

/**
 * Attachments: bytes in `DATA_DIR/files/<id>` (written, with fsync, before the description goes
 * in the journal), or in memory for the memory store. Uploads arrive in `DATA_DIR/incoming`
 * (the spool, on the same disk) and are moved into place when stored.
 */
function files(state: MemoryState, commit: Commit, folder: string | null, incoming: string | null): FileStore {
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
                await commit({ t: 'file', f: file });
              } catch (error) {
                await rm(target, { force: true });
                throw error;
              }
            },
          }
        : null,
    async get(id) {
      const file = state.files.get(id);
      if (!file) return undefined;
      const bytes = folder ? await readFile(join(folder, id)) : inMemory.get(id);
      return bytes && { file, bytes };
    },
  };
}

/**
 * The default store: every change appended to `DATA_DIR/journal.jsonl` before it is acknowledged,
 * and the journal replayed at start. Everything is in memory but old messages, which are read back
 * from the journal (see MessageLog). Without a data folder it is the memory store (its lines kept
 * in memory; nothing survives a restart). One process only; several nodes need Redis.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<Store> {
  const state = new MemoryState();
  const sessionReplay = new SessionReplay((options.now ?? Date.now)());
  let lines: LineLog = new MemoryLines();
  let fileFolder: string | null = null;
  let incoming: string | null = null;
  let unlock = () => {};
  if (options.dataDir) {
    fileFolder = join(options.dataDir, 'files');
    mkdirSync(fileFolder, { recursive: true });
    unlock = lockDataDir(options.dataDir);
    // Uploads cut short by a crash were never stored: their spool is emptied at start (once the
    // folder is ours: another running Parley's uploads are not touched).
    incoming = join(options.dataDir, 'incoming');
    rmSync(incoming, { recursive: true, force: true });
    mkdirSync(incoming);
    try {
      lines = await Journal.open(join(options.dataDir, 'journal.jsonl'), {
        sync: options.sync ?? 'write',
        onEntry: (entry, offset, length) => state.apply(sessionReplay.filter(entry), offset, length),
        warn: options.warn ?? (() => {}),
        onFailure: options.onFailure ?? (() => {}),
        ...(options.metrics ? { metrics: options.metrics } : {}),
        onDiskFull: (full, error) =>
          (options.warn ?? (() => {}))(
            full
              ? `the disk is full (${error?.message}): writes wait and new changes are refused (clients send them again) until space is freed`
              : 'disk space is back: the journal is written again',
          ),
      });
    } catch (error) {
      unlock();
      throw error;
    }
  }
  state.lines = lines;
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
      return lines.written();
    },
    { durable: () => lines.written() },
  );
  await Promise.all(sessionReplay.upgraded().map((session) => commit({ t: 'sess', s: session })));
  return {
    kind: options.dataDir ? 'embedded' : 'memory',
    conversations: conversations(state, commit),
    messages: messages(state, lines),
    sessions: embeddedSessions(state, commit),
    files: files(state, commit, fileFolder, incoming),
    outbox: embeddedOutbox(state, commit, options.now ?? Date.now),
    preferences: embeddedPreferences(state, commit),
    settings: embeddedSettings(state, commit),
    audit: embeddedAudit(state, commit),
    limits: memoryLimits(options.now ?? Date.now),
    diskBytes: async () => (options.dataDir ? bytesUnder(options.dataDir) : null),
    diskFree: async () => (options.dataDir ? bytesFree(options.dataDir) : null),
    close: () => lines.close().finally(unlock),
  };
}
