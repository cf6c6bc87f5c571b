import type { ChatMessage } from '@parley/shared';
import type { JournalEntry } from './journal-entry.js';
import type { LineLog } from './line-log.js';
import { MessageLog } from './message-log.js';
import { FINISHED_STATES, type OutboxRecord, type OutboxState } from './outbox-record.js';
import { type AuditEntry, type SettingsChange, type SettingsRecord, settingsKey } from './settings-record.js';
import type { AgentPreferences, ConversationRecord, SessionRecord, StoredFile } from './store.js';

/** Audit entries a subject keeps in memory (the journal keeps every one). */
const AUDIT_KEPT = 500;

/**
 * The embedded store's data, changed only by `apply`, so that live changes and journal replay
 * go through the same code and cannot drift apart.
 */
export class MemoryState {
  readonly conversations = new Map<string, ConversationRecord>();
  readonly byVisitor = new Map<string, Set<string>>();
  readonly messages = new Map<string, MessageLog>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly files = new Map<string, StoredFile>();
  /** Emails held or to send, with their content. */
  readonly outbox = new Map<string, OutboxRecord>();
  /** Finished emails keep only their state, so that asking again for one records nothing. */
  readonly outboxDone = new Map<string, OutboxState>();
  readonly preferences = new Map<string, AgentPreferences>();
  /** Settings records by `kind:id`, and deleted ones (for `changesAfter`). */
  readonly settings = new Map<string, SettingsRecord>();
  readonly settingsDeleted = new Map<string, SettingsChange>();
  /** The highest settings revision written. */
  settingsRevision = 0;
  /** Audit entries per subject, oldest first; the newest AUDIT_KEPT in memory, all of them in the journal. */
  readonly audit = new Map<string, AuditEntry[]>();

  /** Where message lines are read back from (see MessageLog): set once the journal is open, after its replay. */
  lines: Pick<LineLog, 'read'> | null = null;
  /** While a compaction runs: conversations changed since its roll (see Compactor). */
  touched: Set<string> | null = null;
  /** Visitors erased by entries applied to this state (the compaction removes them from the history too). */
  readonly erased = new Set<string>();
  private readonly reader = { read: (offset: number, length: number) => this.lines!.read(offset, length) };

  /** Applies an entry; a message needs where its line is (`offset`, `length` bytes without the newline). */
  apply(entry: JournalEntry, offset: number, length: number): void {
    switch (entry.t) {
      case 'conv': {
        this.touched?.add(entry.r.id);
        this.conversations.set(entry.r.id, entry.r);
        if (entry.r.status === 'ended') this.messages.get(entry.r.id)?.release();
        const ids = this.byVisitor.get(entry.r.visitorId) ?? new Set<string>();
        ids.add(entry.r.id);
        this.byVisitor.set(entry.r.visitorId, ids);
        return;
      }
      case 'msg':
        return this.addMessage(entry.c, entry.m, offset, length);
      case 'sess':
        this.sessions.set(entry.s.tokenHash, entry.s);
        return;
      case 'unsess':
        this.sessions.delete(entry.h);
        return;
      case 'file':
        this.touched?.add(entry.f.conversationId);
        this.files.set(entry.f.id, entry.f);
        return;
      case 'mail':
        if (!this.outbox.has(entry.m.id) && !this.outboxDone.has(entry.m.id)) this.setMail(entry.m);
        return;
      case 'mailup': {
        const current = this.outbox.get(entry.id);
        if (current) this.setMail({ ...current, ...entry.c });
        return;
      }
      case 'pref':
        this.preferences.set(entry.a, entry.p);
        return;
      case 'set': {
        const key = settingsKey(entry.r.kind, entry.r.id);
        this.settingsRevision = Math.max(this.settingsRevision, entry.r.revision);
        if (entry.r.value === null) {
          this.settings.delete(key);
          this.settingsDeleted.set(key, entry.r);
        } else {
          this.settingsDeleted.delete(key);
          this.settings.set(key, entry.r);
        }
        return;
      }
      case 'maildone':
        this.outbox.delete(entry.id);
        this.outboxDone.set(entry.id, entry.s);
        return;
      case 'erase':
        for (const visitorId of entry.visitors) this.eraseVisitor(visitorId);
        for (const id of entry.mails) this.outbox.delete(id);
        return;
      case 'audit': {
        const list = this.audit.get(entry.e.subject) ?? [];
        list.push(entry.e);
        if (list.length > AUDIT_KEPT) list.splice(0, list.length - AUDIT_KEPT);
        this.audit.set(entry.e.subject, list);
        return;
      }
    }
  }

  /** Forgets a conversation's record and messages (moved to the history, or erased); its files' descriptions go with `forgetFiles`. */
  forgetConversation(id: string): void {
    const record = this.conversations.get(id);
    if (!record) return;
    this.conversations.delete(id);
    this.messages.delete(id);
    const ofVisitor = this.byVisitor.get(record.visitorId);
    ofVisitor?.delete(id);
    if (ofVisitor?.size === 0) this.byVisitor.delete(record.visitorId);
  }

  /** The files' descriptions of these conversations, in one pass over the files. */
  filesOf(conversationIds: ReadonlySet<string>): StoredFile[] {
    return [...this.files.values()].filter((file) => conversationIds.has(file.conversationId));
  }

  private eraseVisitor(visitorId: string): void {
    this.erased.add(visitorId);
    const conversationIds = new Set(this.byVisitor.get(visitorId));
    for (const id of conversationIds) this.forgetConversation(id);
    for (const file of this.filesOf(conversationIds)) this.files.delete(file.id);
    for (const session of this.sessions.values()) {
      if ((session.kind === 'visitor' && session.visitorId === visitorId) || (session.kind === 'files' && conversationIds.has(session.conversationId))) {
        this.sessions.delete(session.tokenHash);
      }
    }
    for (const record of this.outbox.values()) if (record.hold && conversationIds.has(record.hold.conversationId)) this.outbox.delete(record.id);
  }

  outboxState(id: string): OutboxState | undefined {
    return this.outbox.get(id)?.state ?? this.outboxDone.get(id);
  }

  private setMail(record: OutboxRecord): void {
    if (FINISHED_STATES.has(record.state)) {
      this.outbox.delete(record.id);
      this.outboxDone.set(record.id, record.state);
    } else {
      this.outbox.set(record.id, record);
    }
  }

  /** The same as applying a `msg` entry, without building one (the store's hot path). */
  addMessage(conversationId: string, message: ChatMessage, offset: number, length: number): void {
    this.touched?.add(conversationId);
    this.log(conversationId).add(message, offset, length);
  }

  log(conversationId: string): MessageLog {
    let log = this.messages.get(conversationId);
    if (!log) {
      log = new MessageLog(conversationId, this.reader);
      if (this.conversations.get(conversationId)?.status === 'ended') log.release();
      this.messages.set(conversationId, log);
    }
    return log;
  }

  lastSeq(conversationId: string): number {
    return this.messages.get(conversationId)?.lastSeq ?? 0;
  }

  /** The record with the sequence number the message log says it has reached. */
  record(id: string): ConversationRecord | undefined {
    const record = this.conversations.get(id);
    return record && { ...record, lastSeq: this.lastSeq(id) };
  }
}
