import { z } from 'zod';
import { EndedBy } from '../conversation.js';
import { Seq, ServerId } from '../ids.js';
import { Timestamp } from '../message.js';

/** How many of a visitor's earlier conversations in a room are listed, newest first. */
export const PAST_CONVERSATIONS_LISTED = 20;

/**
 * Agent to server: list the earlier conversations, in the same room, of the visitor of
 * `conversationId`. Allowed to the agent who serves that conversation or is offered it; their
 * transcripts are then read with `sync` on each listed id, like any conversation.
 */
export const PastConversationsRequestFrame = z.object({
  type: z.literal('pastConversations'),
  conversationId: ServerId,
});
export type PastConversationsRequestFrame = z.infer<typeof PastConversationsRequestFrame>;

/** One earlier, ended conversation: enough to list it; `lastSeq` says how long its transcript is. */
export const PastConversationSummary = z.object({
  id: ServerId,
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  endedBy: EndedBy.nullable(),
  /** The agent who served it, by display name; null when nobody accepted it. */
  agentName: z.string().nullable(),
  lastSeq: Seq,
});
export type PastConversationSummary = z.infer<typeof PastConversationSummary>;

/** Server to agent: the answer, newest first; `total` counts them all when more than the list holds. */
export const PastConversationsFrame = z.object({
  type: z.literal('pastConversations'),
  conversationId: ServerId,
  conversations: z.array(PastConversationSummary),
  total: z.number().int().nonnegative(),
});
export type PastConversationsFrame = z.infer<typeof PastConversationsFrame>;
