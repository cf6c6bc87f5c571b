import { z } from 'zod';
import { ClientKind } from './agent-status.js';
import { FormAnswers, VisitorContext } from './context.js';
import { ClientId, RoomName, Seq, ServerId } from './ids.js';
import { Limits } from './limits.js';
import { Timestamp } from './message.js';

/**
 * `waiting`: in the room's queue (possibly offered to agents); `active`: an agent accepted it;
 * `ended`: closed for good, history still readable.
 */
export const ConversationStatus = z.enum(['waiting', 'active', 'ended']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** Who ended a conversation. `system` when the visitor abandoned the queue. */
export const EndedBy = z.enum(['visitor', 'agent', 'system']);
export type EndedBy = z.infer<typeof EndedBy>;

/**
 * How a waiting conversation is being routed: `private` (an agent's private room, that agent only),
 * `sticky` (the visitor's previous agent first, alone, for the sticky timeout), or `everyone`.
 */
export const RoutingPhase = z.enum(['private', 'sticky', 'everyone']);
export type RoutingPhase = z.infer<typeof RoutingPhase>;

/** A conversation as its visitor sees it. The agent is named by display name only. */
export const VisitorConversationView = z.object({
  id: ServerId,
  room: RoomName,
  status: ConversationStatus,
  phase: RoutingPhase,
  agentName: z.string().nullable(),
  /** Highest sequence number stored so far; a client with less asks for the rest with `sync`. */
  lastSeq: Seq,
  startedAt: Timestamp,
  endedBy: EndedBy.nullable(),
  /**
   * Set while waiting once the room's maximum wait has passed: the widget offers to leave a
   * message instead (or to keep waiting: frame `keepWaiting`).
   */
  waitedTooLong: z.boolean().optional(),
});
export type VisitorConversationView = z.infer<typeof VisitorConversationView>;

/** A conversation as an agent sees it, with the visitor's context. */
/**
 * An internal note: written by an agent inside a conversation, seen by agents only. Kept with the
 * conversation's record, never among its messages, so no visitor path (socket, sync, transcript,
 * hosted page) can carry it, and the visitor's sequence numbers have no gap where one was written.
 */
export const AgentNote = z.object({
  /** The writer's id for the note (sent again after a reconnect, stored once). */
  clientId: ClientId,
  agentName: z.string().max(120),
  text: z.string().min(1).max(Limits.messageText),
  at: Timestamp,
});
export type AgentNote = z.infer<typeof AgentNote>;

/** Notes one conversation may hold. */
export const NOTES_PER_CONVERSATION = 100;

/** The result code an agent gave an ended chat (null: none, where the room does not require one), and a note. */
export const Disposition = z.object({
  code: z.string().max(60).nullable(),
  note: z.string().max(Limits.messageText).nullable(),
  at: Timestamp,
});
export type Disposition = z.infer<typeof Disposition>;

/**
 * A response target running: the agent owes the first reply (since accepting) or the next one
 * (since the visitor's message). Warning from `warnAt`, breached from `dueAt`.
 */
export const ResponseClock = z.object({
  kind: z.enum(['first', 'next']),
  since: Timestamp,
  warnAt: Timestamp,
  dueAt: Timestamp,
});
export type ResponseClock = z.infer<typeof ResponseClock>;

/**
 * The inactivity timer of an open chat, kept in its record so that a restart keeps its deadlines.
 * One runs at a time, for whoever owes the next move: `wait` while in the queue (at `warnAt` the
 * visitor is offered to leave a message), `visitor` once the agent wrote last (a warning at
 * `warnAt`, the chat closes at `escalateAt`), `agent` once the visitor wrote last or since the
 * accept (a warning to the agent at `warnAt`, the supervisor sees it from `escalateAt`).
 */
export const ChatTimer = z.object({
  kind: z.enum(['wait', 'visitor', 'agent']),
  since: Timestamp,
  warnAt: Timestamp.nullable(),
  escalateAt: Timestamp.nullable(),
  warned: z.boolean(),
});
export type ChatTimer = z.infer<typeof ChatTimer>;

/** What its agent chose to do with a chat as a lead: sent to `to` (the list's `label`), or not sent (`to: null`). */
export const LeadChoice = z.object({
  to: z.string().nullable(),
  label: z.string().nullable(),
  at: Timestamp,
});
export type LeadChoice = z.infer<typeof LeadChoice>;

export const AgentConversationView = z.object({
  id: ServerId,
  room: RoomName,
  status: ConversationStatus,
  visitor: z.object({
    id: ServerId,
    /** The welcome form's `name` answer, when there is one. */
    name: z.string().nullable(),
    /** Whether at least one of the visitor's pages is connected right now. */
    online: z.boolean(),
  }),
  form: FormAnswers,
  context: VisitorContext.extend({ userAgent: z.string().max(512).optional() }),
  lastSeq: Seq,
  startedAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  /** The client (browser or mobile) that accepted it. */
  servedFrom: ClientKind.nullable(),
  endedBy: EndedBy.nullable(),
  /** Internal notes, oldest first. */
  notes: z.array(AgentNote).default([]),
  /** The result code given after it ended, once given. */
  disposition: Disposition.nullable().default(null),
  /** The response target running now, if any. */
  responseClock: ResponseClock.nullable().default(null),
  /** The lead choice made after it ended, once made. */
  lead: LeadChoice.nullable().default(null),
  /** Set once the agent was warned of their inactivity in this chat: since when the visitor waits for them. */
  idleSince: Timestamp.nullable().default(null),
});
export type AgentConversationView = z.infer<typeof AgentConversationView>;

/** A waiting conversation proposed to an agent. */
export const OfferView = z.object({
  conversationId: ServerId,
  room: RoomName,
  phase: RoutingPhase,
  visitor: AgentConversationView.shape.visitor,
  form: FormAnswers,
  context: AgentConversationView.shape.context,
  waitingSince: Timestamp,
  /** When this offer is withdrawn and offered again if nobody accepts it. */
  expiresAt: Timestamp,
  /** Set when another agent transferred the chat: who, and the note they left for the next agent. */
  transfer: z
    .object({ from: z.string().max(120), note: z.string().max(Limits.messageText).nullable() })
    .nullable()
    .default(null),
});
export type OfferView = z.infer<typeof OfferView>;

/** One waiting conversation in an agent's view of a room's queue. */
export const QueueEntry = z.object({
  conversationId: ServerId,
  visitorName: z.string().nullable(),
  waitingSince: Timestamp,
  phase: RoutingPhase,
});
export type QueueEntry = z.infer<typeof QueueEntry>;

/** A room's queue: the oldest waiting conversations first, and how many wait in all. */
export const RoomQueueView = z.object({
  room: RoomName,
  total: z.number().int().nonnegative(),
  entries: z.array(QueueEntry),
});
export type RoomQueueView = z.infer<typeof RoomQueueView>;
