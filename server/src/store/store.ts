import type {
  AgentConversationView,
  ChatMessage,
  ClientKind,
  ConversationStatus,
  EndedBy,
  FileInfo,
  FormAnswers,
} from '@parley/shared';
import type { OutboxChange, OutboxRecord, OutboxState } from './outbox-record.js';

/*
 * What Parley keeps durably, as small role interfaces. The embedded store implements them
 * in memory with a journal file; a Redis store can implement the same three (a hash per
 * conversation with HINCRBY for sequence numbers, a list per conversation, a Lua claim).
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
  | { tokenHash: string; kind: 'files'; conversationId: string; createdAt: number; expiresAt: number };

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
}

/** An agent's own settings, kept by the server (seed 002's private profile). */
export type AgentPreferences = { emailAlerts: boolean };

export interface PreferenceStore {
  get(agentId: string): Promise<AgentPreferences | undefined>;
  save(agentId: string, preferences: AgentPreferences): Promise<void>;
}

export interface Store {
  readonly kind: string;
  readonly conversations: ConversationStore;
  readonly messages: MessageStore;
  readonly sessions: SessionStore;
  readonly files: FileStore;
  readonly outbox: OutboxStore;
  readonly preferences: PreferenceStore;
  /** Writes out everything pending and releases files and connections. */
  close(): Promise<void>;
}
