/*
 * What the outbox keeps of an email: the message exactly as it will be sent (rendered once, when
 * it is asked for, so every attempt sends the same bytes under the same Message-ID), and where it
 * stands. The durable outbox; the store's OutboxStore keeps these.
 */

export type MailAddress = { name: string | null; address: string };

/** A rendered email: one recipient, plain text and optionally HTML. Header fields are already made safe. */
export type OutgoingMail = {
  from: MailAddress;
  to: string;
  replyTo: MailAddress | null;
  subject: string;
  text: string;
  html: string | null;
  /** `<outbox-id@sender-domain>`: the same on every attempt, so a receiver can tell a repeat. */
  messageId: string;
  /** The Date header, fixed when the email was recorded. */
  date: number;
};

/**
 * - `held`: a visitor's email alert, waiting for an agent of its room to become ready.
 * - `pending`: to send (again) from `nextAttemptAt`.
 * - `sent`: the mail server accepted it. `failed`: refused for good, or given up. `cancelled`:
 *   a held alert no longer wanted (an agent took the chat) or expired.
 */
export type OutboxState = 'held' | 'pending' | 'sent' | 'failed' | 'cancelled';

export const FINISHED_STATES: ReadonlySet<OutboxState> = new Set(['sent', 'failed', 'cancelled']);

export type OutboxKind = 'transcript' | 'lead' | 'adf-lead' | 'message-receipt' | 'visitor-alert' | 'agent-alert';

export type OutboxRecord = {
  /** Derived from the request (see email/outbox-ids.ts), so asking twice records one email. */
  id: string;
  kind: OutboxKind;
  room: string;
  mail: OutgoingMail;
  /** Held alerts: released when an agent of `room` (or `privateFor`, in a private room) becomes ready. */
  hold: { room: string; privateFor: string | null; conversationId: string } | null;
  state: OutboxState;
  createdAt: number;
  /** Failed attempts so far. */
  attempts: number;
  nextAttemptAt: number;
  /** Why the last attempt failed, for the log and for operators. */
  lastError: string | null;
};

/** `mail` changes once at most: a held alert gets its Date when it is released. */
export type OutboxChange = Partial<Pick<OutboxRecord, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'mail'>>;
