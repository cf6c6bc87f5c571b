import { z } from 'zod';
import { AgentStatus, ChosenStatus, ClientKind, ClientStatuses } from '../agent-status.js';
import { AgentConversationView, OfferView, RoomQueueView } from '../conversation.js';
import { ClientId, RoomName, ServerId } from '../ids.js';
import { Limits } from '../limits.js';
import { AgentPreferencesFrame, SetPreferencesFrame } from './agent-preferences.js';
import { AgentRoomsFrame } from './agent-rooms.js';
import { AckFrame, EndFrame, ErrorFrame, HistoryFrame, MessageFrame, SendMessageFrame, SyncFrame, TypingFrame } from './common.js';
import { PastConversationsFrame, PastConversationsRequestFrame } from './past-conversations.js';

/*
 * The agent endpoint: `GET /ws/agent` upgraded to a WebSocket. The agent signs in over HTTP
 * (`POST /api/agent/sessions`) and presents the session token in `hello`.
 */

// ---- agent to server ----

/**
 * First frame on every connection. `client` says whether this is the browser console or a
 * mobile client; each keeps its own status. `status` restores the status this client last had,
 * as the server last said it (after a server restart the console says what it was: a serving
 * agent stays serving, one who has just ended a chat does not become ready by themselves); the
 * server starts a newly signed-in client at `TAKING_BREAK` without it.
 */
export const AgentHelloFrame = z.object({
  type: z.literal('hello'),
  token: z.string().min(1).max(128),
  client: ClientKind,
  status: AgentStatus.optional(),
});

/** Go ready (`WAITING_NEW_CALL`) or on break (`TAKING_BREAK`) on this connection's client. */
export const SetStatusFrame = z.object({
  type: z.literal('status'),
  status: ChosenStatus,
});

/** Take an offered conversation. The first agent to accept wins; the others' offers are withdrawn. */
export const AcceptFrame = z.object({
  type: z.literal('accept'),
  conversationId: ServerId,
});

/** Write an internal note in a conversation you serve (or served): agents see it, the visitor never does. */
export const NoteFrame = z.object({
  type: z.literal('note'),
  conversationId: ServerId,
  clientId: ClientId,
  text: z.string().trim().min(1).max(Limits.messageText),
});

/**
 * Hand a chat you serve to another agent of its room (offered to them alone; to everyone if they
 * do not accept within the room's offer timeout) or to a room's queue (at its place, near the
 * head). `note` is for agents: the next agent sees it with the offer and among the chat's notes.
 */
export const TransferFrame = z.object({
  type: z.literal('transfer'),
  conversationId: ServerId,
  to: z.union([z.strictObject({ agentId: z.string().min(1).max(254) }), z.strictObject({ room: RoomName })]),
  note: z.string().trim().max(Limits.messageText).optional(),
});

/** The result code (and a note) for a chat you served, once it ended. `code` null: none, where the room does not require one. */
export const DispositionFrame = z.object({
  type: z.literal('disposition'),
  conversationId: ServerId,
  code: z.string().trim().min(1).max(60).nullable(),
  note: z.string().trim().max(Limits.messageText).optional(),
});

/** After a chat of a room with a CRM selection list: send it as a lead to one of its addresses, or (`to: null`) "Do Not Send". Once per chat. */
export const LeadFrame = z.object({
  type: z.literal('lead'),
  conversationId: ServerId,
  to: z.string().trim().max(320).nullable(),
});

export const AgentClientFrame = z.discriminatedUnion('type', [
  NoteFrame,
  DispositionFrame,
  LeadFrame,
  TransferFrame,
  AgentHelloFrame,
  SetStatusFrame,
  AcceptFrame,
  SendMessageFrame,
  TypingFrame,
  SyncFrame,
  EndFrame,
  PastConversationsRequestFrame,
  SetPreferencesFrame,
]);
export type AgentClientFrame = z.infer<typeof AgentClientFrame>;

// ---- server to agent ----

export const AgentProfile = z.object({
  id: z.string(),
  name: z.string(),
  rooms: z.array(RoomName),
  /** The agent's private room: chats started there are offered to this agent only. */
  privateRoom: RoomName,
  capacity: z.number().int().positive().nullable(),
});

/** The session is ready: everything the console shows, so that a reconnect needs nothing else. */
export const AgentWelcomeFrame = z.object({
  type: z.literal('welcome'),
  agent: AgentProfile,
  client: ClientKind,
  statuses: ClientStatuses,
  conversations: z.array(AgentConversationView),
  offers: z.array(OfferView),
  queues: z.array(RoomQueueView),
});

/** The agent's status changed on one of their clients (by their choice or as a chat started or ended). */
export const AgentStatusFrame = z.object({
  type: z.literal('status'),
  statuses: ClientStatuses,
});

/** A waiting conversation is offered to this agent. */
export const OfferFrame = z.object({
  type: z.literal('offer'),
  offer: OfferView,
});

/**
 * An offer is gone: `taken` (another agent accepted), `timeout` (nobody accepted in time; it is
 * offered again at once), `ended` (the visitor left), `unavailable` (this agent went on break,
 * offline or reached capacity), `accepted` (this agent took it, from another tab or client).
 */
export const OfferWithdrawnFrame = z.object({
  type: z.literal('offerWithdrawn'),
  conversationId: ServerId,
  reason: z.enum(['taken', 'timeout', 'ended', 'unavailable', 'accepted', 'away']),
});

/** One of the agent's conversations changed (accepted, visitor online or offline, ended). */
export const AgentConversationFrame = z.object({
  type: z.literal('conversation'),
  conversation: AgentConversationView,
});

/** The visitor is typing; `draft` is their live text unless the room hides typing previews. */
export const VisitorTypingFrame = z.object({
  type: z.literal('typing'),
  conversationId: ServerId,
  active: z.boolean(),
  draft: z.string().max(Limits.typingDraft).optional(),
});

/** A room's queue changed. */
export const QueueFrame = z.object({
  type: z.literal('queue'),
  queue: RoomQueueView,
});

export const AgentServerFrame = z.discriminatedUnion('type', [
  AgentWelcomeFrame,
  AgentStatusFrame,
  OfferFrame,
  OfferWithdrawnFrame,
  AgentConversationFrame,
  AckFrame,
  MessageFrame,
  HistoryFrame,
  VisitorTypingFrame,
  QueueFrame,
  ErrorFrame,
  AgentRoomsFrame,
  PastConversationsFrame,
  AgentPreferencesFrame,
]);
export type AgentServerFrame = z.infer<typeof AgentServerFrame>;

export type AgentHelloFrame = z.infer<typeof AgentHelloFrame>;
export type SetStatusFrame = z.infer<typeof SetStatusFrame>;
export type AcceptFrame = z.infer<typeof AcceptFrame>;
export type AgentProfile = z.infer<typeof AgentProfile>;
export type AgentWelcomeFrame = z.infer<typeof AgentWelcomeFrame>;
export type AgentStatusFrame = z.infer<typeof AgentStatusFrame>;
export type OfferFrame = z.infer<typeof OfferFrame>;
export type OfferWithdrawnFrame = z.infer<typeof OfferWithdrawnFrame>;
export type AgentConversationFrame = z.infer<typeof AgentConversationFrame>;
export type VisitorTypingFrame = z.infer<typeof VisitorTypingFrame>;
export type QueueFrame = z.infer<typeof QueueFrame>;
