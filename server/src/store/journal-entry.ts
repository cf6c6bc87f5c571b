import type { ChatMessage } from '@parley/shared';
import type { OutboxChange, OutboxRecord } from './outbox-record.js';
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
  | { t: 'pref'; a: string; p: AgentPreferences }
  /** A settings record written, or deleted (`value: null`). */
  | { t: 'set'; r: SettingsChange }
  | { t: 'audit'; e: AuditEntry };
