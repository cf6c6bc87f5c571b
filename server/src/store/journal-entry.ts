import type { ChatMessage } from '@parley/shared';
import type { OutboxChange, OutboxRecord, OutboxState } from './outbox-record.js';
import type { AuditEntry, SettingsChange } from './settings-record.js';
import type { AgentPreferences, ConversationRecord, SessionRecord, StoredFile } from './store.js';

/**
 * One line of the embedded store's journal. Every change is one entry; replaying the entries in
 * order rebuilds the store exactly. Short keys: the journal holds every message ever sent.
 */
export type JournalEntry =
  | { t: 'conv'; r: ConversationRecord }
  | { t: 'msg'; c: string; m: ChatMessage }
  | { t: 'sess'; s: SessionRecord }
  | { t: 'unsess'; h: string }
  | { t: 'file'; f: StoredFile }
  | { t: 'mail'; m: OutboxRecord }
  | { t: 'mailup'; id: string; c: OutboxChange }
  /** A finished email as a snapshot keeps it: its state only (see MemoryState.outboxDone). */
  | { t: 'maildone'; id: string; s: OutboxState }
  | { t: 'pref'; a: string; p: AgentPreferences }
  /** A settings record written, or deleted (`value: null`). */
  | { t: 'set'; r: SettingsChange }
  | { t: 'audit'; e: AuditEntry }
  /**
   * Visitors erased: their conversations, messages, files' descriptions, sessions and these
   * emails are forgotten; the next compaction removes them from the history and the files.
   */
  | { t: 'erase'; visitors: string[]; mails: string[] };
