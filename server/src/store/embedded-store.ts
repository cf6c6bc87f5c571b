import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatMessage } from '@parley/shared';
import { embeddedOutbox } from './embedded-outbox.js';
import { embeddedSessions, SessionReplay } from './embedded-sessions.js';
import { embeddedPreferences } from './embedded-preferences.js';
import { Journal, type JournalSync } from './journal.js';
import type { JournalEntry } from './journal-entry.js';
import { MemoryState } from './memory-state.js';
import type { ConversationRecord, ConversationStore, FileStore, MessageStore, Store } from './store.js';

export type EmbeddedStoreOptions = {
  /** Folder of the journal; without it nothing is written and nothing survives a restart. */
  dataDir?: string;
  sync?: JournalSync;
  warn?: (message: string) => void;
  /** The journal could not be written: the server must stop rather than acknowledge what it cannot keep. */
  onFailure?: (error: Error) => void;
  /** The time replay judges sessions' expiry by (the server's clock). */
  now?: () => number;
};

export type Commit = {
  (entry: JournalEntry): Promise<void>;
  /** Resolves when everything committed so far is durable. */
  durable(): Promise<void>;
};

function conversations(state: MemoryState, commit: Commit): ConversationStore {
  return {
    save: (record) => commit({ t: 'conv', r: { ...record, lastSeq: 0 } }),
    async claim(id, agent, at) {
      const current = state.conversations.get(id);
      if (!current || current.status !== 'waiting') return null;
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

function messages(state: MemoryState, commit: Commit): MessageStore {
  return {
    async append(conversationId, message) {
      const log = state.log(conversationId);
      const existing = log.byClientId.get(message.clientId);
      if (existing) {
        // The original may still be on its way to disk; its duplicate is acknowledged no sooner.
        await commit.durable();
        return { message: existing, duplicate: true };
      }
      const stored = { ...message, seq: log.list.length + 1 } as ChatMessage;
      await commit({ t: 'msg', c: conversationId, m: stored });
      return { message: stored, duplicate: false };
    },
    async after(conversationId, afterSeq, limit) {
      const list = state.messages.get(conversationId)?.list ?? [];
      return list.slice(afterSeq, afterSeq + limit);
    },
  };
}

/**
 * Attachments: bytes in `DATA_DIR/files/<id>` (written, with fsync, before the description goes
 * in the journal), or in memory for the memory store.
 */
function files(state: MemoryState, commit: Commit, folder: string | null): FileStore {
  const inMemory = new Map<string, Buffer>();
  return {
    async put(file, bytes) {
      if (folder) await writeFile(join(folder, file.id), bytes, { flush: true });
      else inMemory.set(file.id, bytes);
      await commit({ t: 'file', f: file });
    },
    async get(id) {
      const file = state.files.get(id);
      if (!file) return undefined;
      const bytes = folder ? await readFile(join(folder, id)) : inMemory.get(id);
      return bytes && { file, bytes };
    },
  };
}

/**
 * The default store: everything in memory, every change appended to `DATA_DIR/journal.jsonl`
 * before it is acknowledged, and the journal replayed at start. Without a data folder it is the
 * memory store (nothing survives a restart). One process only; several nodes need Redis.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<Store> {
  const state = new MemoryState();
  const sessionReplay = new SessionReplay((options.now ?? Date.now)());
  let journal: Journal | null = null;
  let fileFolder: string | null = null;
  if (options.dataDir) {
    fileFolder = join(options.dataDir, 'files');
    mkdirSync(fileFolder, { recursive: true });
    journal = await Journal.open(join(options.dataDir, 'journal.jsonl'), {
      sync: options.sync ?? 'write',
      onEntry: (entry) => state.apply(sessionReplay.filter(entry)),
      warn: options.warn ?? (() => {}),
      onFailure: options.onFailure ?? (() => {}),
    });
  }
  const commit: Commit = Object.assign(
    (entry: JournalEntry) => {
      // Applied at once so that sequence numbers are handed out in order; acknowledged only when written.
      state.apply(entry);
      return journal ? journal.append(entry) : Promise.resolve();
    },
    { durable: () => (journal ? journal.barrier() : Promise.resolve()) },
  );
  await Promise.all(sessionReplay.upgraded().map((session) => commit({ t: 'sess', s: session })));
  return {
    kind: journal ? 'embedded' : 'memory',
    conversations: conversations(state, commit),
    messages: messages(state, commit),
    sessions: embeddedSessions(state, commit),
    files: files(state, commit, fileFolder),
    outbox: embeddedOutbox(state, commit),
    preferences: embeddedPreferences(state, commit),
    close: async () => journal?.close(),
  };
}
