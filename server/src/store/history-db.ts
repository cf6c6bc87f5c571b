import type { ChatMessage, FormAnswers } from '@parley/shared';
import Database from 'better-sqlite3';
import type { ConversationRecord, StoredFile } from './store.js';

/*
 * Ended conversations of the embedded store, on disk: the compaction (compaction-job.ts, in a
 * worker) moves each one here whole, with its messages and its attachments' descriptions, and the
 * store reads them back on demand. SQLite (better-sqlite3) because it gives what an index written
 * by hand would have to: lookups by id, visitor and age without holding anything in memory,
 * atomic commits that survive kill -9, deletion for retention and erasure, and an online backup.
 * `secure_delete` overwrites deleted rows, so an erased visitor's words do not linger in free pages.
 */

const FORMAT = 1;

/** One ended conversation as the history keeps it. */
export type HistoryBundle = {
  record: ConversationRecord;
  /** The messages' JSON texts, in order (copied from the journal as they are). */
  messages: string[];
  files: StoredFile[];
};

/** The first email address among a form's answers, lower-cased: what erasure by address looks up. */
export function emailOf(form: FormAnswers): string | null {
  for (const value of Object.values(form)) {
    if (typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value.trim())) return value.trim().toLowerCase();
  }
  return null;
}

export class HistoryDb {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(path: string) {
    try {
      this.db = new Database(path);
    } catch (error) {
      throw new Error(
        `the history database (${path}) cannot be opened: ${(error as Error).message}. If better-sqlite3's native module is missing, run \`npm rebuild better-sqlite3\` (it needs python3, make and g++).`,
      );
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS conversations (
        id TEXT PRIMARY KEY, visitor_id TEXT NOT NULL, room TEXT NOT NULL, email TEXT,
        ended_at INTEGER NOT NULL, record TEXT NOT NULL, messages TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS conversations_by_visitor ON conversations (visitor_id, room);
      CREATE INDEX IF NOT EXISTS conversations_by_email ON conversations (email) WHERE email IS NOT NULL;
      CREATE INDEX IF NOT EXISTS conversations_by_end ON conversations (room, ended_at);
      CREATE TABLE IF NOT EXISTS files (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS files_by_conversation ON files (conversation_id);
    `);
    const format = (this.db.prepare('SELECT value FROM meta WHERE key = ?').get('format') as { value: string } | undefined)?.value;
    if (format === undefined) this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('format', String(FORMAT));
    else if (Number(format) > FORMAT) throw new Error(`${path} is in history format ${format}, written by a newer Parley; run the newer version.`);
    this.statements = {
      record: this.db.prepare<[string], { record: string }>('SELECT record FROM conversations WHERE id = ?'),
      messages: this.db.prepare<[string], { messages: string }>('SELECT messages FROM conversations WHERE id = ?'),
      ofVisitor: this.db.prepare<[string, string], { record: string }>('SELECT record FROM conversations WHERE visitor_id = ? AND room = ?'),
      idsOfVisitor: this.db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE visitor_id = ?'),
      visitorsWithEmail: this.db.prepare<[string], { visitor_id: string }>('SELECT DISTINCT visitor_id FROM conversations WHERE email = ?'),
      file: this.db.prepare<[string], { record: string }>('SELECT record FROM files WHERE id = ?'),
      filesOf: this.db.prepare<[string], { id: string; record: string }>('SELECT id, record FROM files WHERE conversation_id = ?'),
      putConversation: this.db.prepare(
        'INSERT OR REPLACE INTO conversations (id, visitor_id, room, email, ended_at, record, messages) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      putFile: this.db.prepare('INSERT OR REPLACE INTO files (id, conversation_id, record) VALUES (?, ?, ?)'),
      removeConversation: this.db.prepare('DELETE FROM conversations WHERE id = ?'),
      removeFile: this.db.prepare('DELETE FROM files WHERE id = ?'),
      endedInRoom: this.db.prepare<[string, number, number], { record: string }>(
        'SELECT record FROM conversations WHERE room = ? AND ended_at >= ? AND ended_at < ? ORDER BY ended_at',
      ),
      rooms: this.db.prepare<[], { room: string }>('SELECT DISTINCT room FROM conversations'),
      endedBefore: this.db.prepare<[string, number, number], { id: string }>('SELECT id FROM conversations WHERE room = ? AND ended_at < ? LIMIT ?'),
      count: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conversations'),
    };
  }

  // Reads (the store, on the main thread).

  conversation(id: string): ConversationRecord | undefined {
    const row = this.statements.record.get(id);
    return row && (JSON.parse(row.record) as ConversationRecord);
  }

  conversationsOf(visitorId: string, room: string): ConversationRecord[] {
    return this.statements.ofVisitor.all(visitorId, room).map((row) => JSON.parse(row.record) as ConversationRecord);
  }

  conversationIdsOf(visitorId: string): string[] {
    return this.statements.idsOfVisitor.all(visitorId).map((row) => row.id);
  }

  /** A room's conversations that ended in [from, to), in order of ending. */
  endedBetween(room: string, from: number, to: number): ConversationRecord[] {
    return this.statements.endedInRoom.all(room, from, to).map((row) => JSON.parse(row.record) as ConversationRecord);
  }

  visitorsWithEmail(email: string): string[] {
    return this.statements.visitorsWithEmail.all(email.trim().toLowerCase()).map((row) => row.visitor_id);
  }

  /** Messages of an ended conversation with a sequence number above `afterSeq`, at most `limit`. */
  messages(id: string, afterSeq: number, limit: number): ChatMessage[] {
    const row = this.statements.messages.get(id);
    if (!row) return [];
    const all = JSON.parse(row.messages) as ChatMessage[];
    return all.filter((message) => message.seq > afterSeq).slice(0, limit);
  }

  file(id: string): StoredFile | undefined {
    const row = this.statements.file.get(id);
    return row && (JSON.parse(row.record) as StoredFile);
  }

  filesOf(conversationId: string): StoredFile[] {
    return this.statements.filesOf.all(conversationId).map((row) => JSON.parse(row.record) as StoredFile);
  }

  count(): number {
    return this.statements.count.get()!.n;
  }

  // Writes (the compaction, in its worker).

  /** Stores ended conversations, replacing earlier copies; one transaction. */
  put(bundles: readonly HistoryBundle[]): void {
    const { putConversation, putFile } = this.statements;
    this.db.transaction(() => {
      for (const { record, messages, files } of bundles) {
        putConversation.run(
          record.id,
          record.visitorId,
          record.room,
          emailOf(record.form),
          record.endedAt ?? record.createdAt,
          JSON.stringify(record),
          `[${messages.join(',')}]`,
        );
        for (const file of files) putFile.run(file.id, record.id, JSON.stringify(file));
      }
    })();
  }

  rooms(): string[] {
    return this.statements.rooms.all().map((row) => row.room);
  }

  /** Ids of a room's conversations that ended before `before` (at most `limit`, so a large purge goes in slices). */
  endedBefore(room: string, before: number, limit: number): string[] {
    return this.statements.endedBefore.all(room, before, limit).map((row) => row.id);
  }

  /** Deletes conversations with their messages and file descriptions; returns the ids of their files. */
  remove(ids: readonly string[]): string[] {
    const fileIds: string[] = [];
    const { filesOf, removeFile, removeConversation } = this.statements;
    this.db.transaction(() => {
      for (const id of ids) {
        for (const { id: fileId } of filesOf.all(id)) {
          fileIds.push(fileId);
          removeFile.run(fileId);
        }
        removeConversation.run(id);
      }
    })();
    return fileIds;
  }

  /** Folds the write-ahead log into the database and empties it (deleted rows leave no copy there). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** A consistent copy of the database, taken while others write to it. */
  async backup(target: string): Promise<void> {
    await this.db.backup(target);
  }

  close(): void {
    this.db.close();
  }
}
