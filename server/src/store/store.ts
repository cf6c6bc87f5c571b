import type {
  AgentConversationView,
  AgentNote,
  ChatMessage,
  ChatTimer,
  ClientKind,
  ConversationStatus,
  Disposition,
  EndedBy,
  FileInfo,
  FormAnswers,
  LeadChoice,
  ResponseClock,
} from '@parley/shared';
import type { OutboxChange, OutboxRecord, OutboxState } from './outbox-record.js';
import type { AuditEntry, SettingsChange, SettingsRecord, SettingsWrite, SettingsWriteResult } from './settings-record.js';

/*
 * What Parley keeps durably, as small role interfaces. The embedded store implements them in
 * memory with a journal file, for one process; the Redis store (store/redis) for several nodes.
 */

export type ConversationRecord = {
  id: string;
  /** The public room it belongs to (a private room's conversations belong to the agent's first room). */
  room: string;
  visitorId: string;
  status: ConversationStatus;
  /** Set when started in an agent's private room: only that agent is ever offered it. */
  privateFor: string | null;
  agentId: string | null;
  agentName: string | null;
  servedFrom: ClientKind | null;
  form: FormAnswers;
  context: AgentConversationView['context'];
  createdAt: number;
  acceptedAt: number | null;
  endedAt: number | null;
  endedBy: EndedBy | null;
  /** Highest sequence number appended. Owned by the store: `save` leaves it as the store has it. */
  lastSeq: number;
  /** Agents' internal notes (absent in records written before notes). */
  notes?: AgentNote[];
  /** The result code its agent gave it after it ended. */
  disposition?: Disposition | null;
  /** When its agent first wrote in it (for reports' first-response times). */
  firstResponseAt?: number | null;
  /** The response target running (stored, so that a restart keeps its deadline). */
  responseClock?: ResponseClock | null;
  /** What its agent chose to do with it as a CRM lead, once chosen. */
  lead?: LeadChoice | null;
  /** The inactivity timer running (wait, visitor or agent), with its stored deadlines. */
  chatTimer?: ChatTimer | null;
  /**
   * Whether its response targets were kept: `met` once a clock ran, `breached` for good once an
   * answer came (or the chat ended) after a clock's due time. Absent: no target applied (reports'
   * "SLA met %" counts only chats with a target).
   */
  serviceLevel?: 'met' | 'breached';
};

/** A message as the hub hands it to the store; the store gives it its sequence number. */
export type NewMessage = ChatMessage extends infer M ? (M extends ChatMessage ? Omit<M, 'seq'> : never) : never;

export type AppendResult = {
  message: ChatMessage;
  /** True when a message with this client id was already stored: `message` is that one. */
  duplicate: boolean;
  /** `message` as JSON (the store serialises it anyway; clients get the same text). */
  json: string;
};

export interface MessageStore {
  /** Gives the message the next sequence number of its conversation and stores it durably; idempotent by client id. */
  append(conversationId: string, message: NewMessage): Promise<AppendResult>;
  /** Stored messages with a sequence number above `afterSeq`, in order, at most `limit`. */
  after(conversationId: string, afterSeq: number, limit: number): Promise<ChatMessage[]>;
}

export type ConversationQuery = { open: true } | { visitorId: string; room: string };

export interface ConversationStore {
  /** Creates or replaces the record (all but `lastSeq`). */
  save(record: ConversationRecord): Promise<void>;
  /** Atomically moves a waiting conversation to active for this agent; null if it was not waiting. */
  claim(id: string, agent: { id: string; name: string; client: ClientKind }, at: number): Promise<ConversationRecord | null>;
  get(id: string): Promise<ConversationRecord | undefined>;
  /** `open`: every waiting or active conversation, oldest first. Otherwise a visitor's conversations in a room, oldest first. */
  find(query: ConversationQuery): Promise<ConversationRecord[]>;
  /** A room's conversations that ended at or after `from` and before `to` (ms), in order of ending: what reports are made of. */
  endedBetween(room: string, from: number, to: number): Promise<ConversationRecord[]>;
}

/**
 * Sessions are found by the SHA-256 of their token, so the store never holds a usable token.
 * Every session ends at `expiresAt` (a visitor's moves forward when it is renewed by saving it
 * again): from then on the store may forget it at any time, and callers treat one that is still
 * there as gone. So a store with key TTLs (Redis: SET with PXAT) needs no sweep of its own.
 */
export type SessionRecord =
  | { tokenHash: string; kind: 'visitor'; visitorId: string; createdAt: number; expiresAt: number }
  | { tokenHash: string; kind: 'agent'; agentId: string; createdAt: number; expiresAt: number }
  /** A link in an emailed transcript: reads that conversation's files, nothing else, until it expires. */
  | { tokenHash: string; kind: 'files'; conversationId: string; createdAt: number; expiresAt: number }
  | { tokenHash: string; kind: 'admin'; adminId: string; createdAt: number; expiresAt: number }
  /** A one-time link to set a password: an invited agent, a reset, an admin's first sign-in. Removed once used. */
  | { tokenHash: string; kind: 'invite'; role: 'agent' | 'admin'; subjectId: string; createdAt: number; expiresAt: number };

export interface SessionStore {
  /** Creates or replaces (renews) the session. */
  save(session: SessionRecord): Promise<void>;
  /** The session, possibly one past its `expiresAt` that the store has not forgotten yet. */
  get(tokenHash: string): Promise<SessionRecord | undefined>;
  remove(tokenHash: string): Promise<void>;
  /**
   * Forgets, durably, every session whose `expiresAt` is at or before `now`; resolves with how many.
   * A store whose sessions expire by themselves (key TTLs) does nothing and resolves with 0.
   */
  removeExpired(now: number): Promise<number>;
}

/** An attachment's description; the bytes are kept beside it. */
export type StoredFile = FileInfo & { conversationId: string; uploadedAt: number };

export interface FileStore {
  /** Stores the bytes and the description durably. */
  put(file: StoredFile, bytes: Buffer): Promise<void>;
  /**
   * For a store that keeps files on this machine's disk: a folder on that disk where an upload is
   * written as it arrives, and `adopt`, which stores such a file by moving it into place (then
   * describing it), so that no upload is held in memory. Null for stores that keep files
   * elsewhere (memory, Redis): uploads arrive in memory and go through `put`.
   */
  readonly spool: { folder: string; adopt(file: StoredFile, path: string): Promise<void> } | null;
  get(id: string): Promise<{ file: StoredFile; bytes: Buffer } | undefined>;
}

/**
 * Emails on their way out (email/outbox.ts). An email is recorded here before anyone is told it
 * will be sent, and moves on only through `update`, so a restart finds every one that is not done.
 */
export interface OutboxStore {
  /** Records emails durably; an id already recorded (in any state) is left as it is. Resolves with the ids that were new. */
  add(records: OutboxRecord[]): Promise<string[]>;
  /** Moves an email on. One that is finished (sent, failed, cancelled) keeps only its id and state. */
  update(id: string, change: OutboxChange): Promise<void>;
  /** Where an email stands, or undefined if it was never recorded. */
  state(id: string): Promise<OutboxState | undefined>;
  /** Emails held or still to send, with their content, oldest first. */
  unfinished(): Promise<OutboxRecord[]>;
  /**
   * Takes the right to send this email for `leaseMs` (or extends it, for its holder): true when
   * `holder` has it. Where several nodes send, only one sends an email at a time, and one that
   * dies mid-send lets go when its lease runs out.
   */
  claim(id: string, holder: string, leaseMs: number): Promise<boolean>;
}

/**
 * An agent's own settings, kept by the server (the private profile), and what must outlive a
 * restart about them: a wrap-up under way, chats still waiting for their result code.
 */
export type AgentPreferences = { emailAlerts: boolean; wrapUpUntil?: number; awaitingCode?: string[] };

export interface PreferenceStore {
  get(agentId: string): Promise<AgentPreferences | undefined>;
  save(agentId: string, preferences: AgentPreferences): Promise<void>;
}

/**
 * Rooms, agents, admins and the global public profile: what a site owner configures. Each record
 * has a version that counts its saves; a write names the version it was made from, and a write
 * made from an older one changes nothing (optimistic concurrency, so two admins cannot overwrite
 * each other unseen). Every write also gets the next store-wide `revision`, so another node can
 * ask what changed since the last one it applied.
 */
export interface SettingsStore {
  /** Every record, for start-up. */
  all(): Promise<SettingsRecord[]>;
  /** Records written (or deleted) after `revision`, in order; deletions come back with `value: null`. */
  changesAfter(revision: number): Promise<SettingsChange[]>;
  /**
   * Applies every write if each record is at the version its write names (0: absent), and, when
   * `afterRevision` is given, if nothing was written after that revision (the writer checked the
   * batch against the whole configuration as of then: on several nodes, two saves checked apart
   * must not both land). Otherwise applies none and says why. All or nothing, durably, in one step.
   */
  write(writes: readonly SettingsWrite[], afterRevision?: number): Promise<SettingsWriteResult>;
}

/** Who changed which settings, and what: kept per subject (`room:GENERAL`, `agent:ann@example.com`). */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  /** A subject's entries, newest first, at most `limit`. */
  list(subject: string, limit: number): Promise<AuditEntry[]>;
}

/** How often something happened lately, under a key: what rate limits count, shared by every node. */
export type LimitCount = { count: number; lastAt: number };

/**
 * Counters for rate limits (failed sign-ins, connections per address). Not durable: a restart may
 * forget them (they only slow abusers down), but every node of a cluster counts on the same ones.
 */
export interface LimitStore {
  /** Counts `amount` more (one by default; bytes for a quota) under `key` at `now`; the count is forgotten `forgetMs` after its last one. */
  hit(key: string, now: number, forgetMs: number, amount?: number): Promise<LimitCount>;
  /** The counts under these keys (null for none). */
  read(keys: readonly string[]): Promise<(LimitCount | null)[]>;
  clear(key: string): Promise<void>;
}

/** Days a room's ended conversations are kept (null: for ever), and the default for rooms not listed. */
export type RetentionPolicy = { defaultDays: number | null; rooms: Record<string, number | null> };

/** Who to erase: a visitor's id, or everyone who gave this email address in a form. */
export type ErasureRequest = { visitorId: string } | { email: string };

export type ErasureReport = { visitors: number; conversations: number; files: number; emails: number };

/**
 * Housekeeping of a store that keeps history on this machine (the embedded store): retention and
 * erasure. Stores without it (memory, Redis) leave these to their own tools.
 */
export interface MaintenanceStore {
  /** Applied from the next compaction on (`compact` runs one now). */
  setRetention(policy: RetentionPolicy): void;
  /** Moves ended conversations out of memory, applies retention; resolves when done. */
  compact(): Promise<void>;
  /**
   * Erases visitors' conversations, messages, files, sessions and emails everywhere the store keeps
   * them; resolves once no copy is left. Records that it happened (who asked, how much), not what.
   */
  erase(request: ErasureRequest, actor: string): Promise<ErasureReport>;
}

export interface Store {
  readonly kind: string;
  readonly conversations: ConversationStore;
  readonly messages: MessageStore;
  readonly sessions: SessionStore;
  readonly files: FileStore;
  readonly outbox: OutboxStore;
  readonly preferences: PreferenceStore;
  readonly settings: SettingsStore;
  readonly audit: AuditStore;
  readonly limits: LimitStore;
  /** Bytes its files take on this machine's disk, or null for a store that keeps nothing here (memory, Redis). */
  diskBytes(): Promise<number | null>;
  /** Bytes still free (to an unprivileged writer) on the disk its files are on, or null for a store that keeps nothing here. */
  diskFree(): Promise<number | null>;
  /** Retention and erasure, where the store keeps history itself. */
  readonly maintenance: MaintenanceStore | null;
  /** Writes out everything pending and releases files and connections. */
  close(): Promise<void>;
}
