import { z } from 'zod';
import { RoomName } from '../ids.js';
import { AttachmentKind } from '../message.js';
import { CannedReply } from '../settings/canned-reply.js';

/**
 * The settings of a room that change what the console offers the agent: its label, how many of
 * its chats the agent may hold, whether the visitor's live draft is shown, which files the agent
 * may send. Sent right after `welcome` (and again after every reconnect) as a `rooms` frame.
 */
export const AgentRoomSettings = z.object({
  name: RoomName,
  label: z.string(),
  routing: z.enum(['quickest-reply', 'sticky']),
  /** Chats from this room the agent may hold at once, unless the agent has their own capacity. */
  capacityPerAgent: z.number().int().positive(),
  /** Force ready: the agent goes back to ready by themselves after each chat. */
  forceReady: z.boolean(),
  /** "Hide preview typing text": typing frames carry no draft. */
  hideTypingPreview: z.boolean(),
  agentAttachments: z.boolean(),
  attachmentTypes: z.array(AttachmentKind),
  attachmentMaxBytes: z.number().int().positive(),
  /** The room's canned replies. */
  cannedReplies: z.array(CannedReply).default([]),
  /** Result codes a chat of this room is given after it ends; required before ready again, or not. */
  resultCodes: z.array(z.string()).default([]),
  resultCodeRequired: z.boolean().default(false),
  /** Where a chat of this room may be sent as a lead after it ends (seed 004's CRM selection list); empty: no lead choice. */
  crmSelection: z.array(z.object({ label: z.string(), email: z.string() })).default([]),
  /** Seconds after a chat ends during which its agent is offered no chat. */
  wrapUpSeconds: z.number().int().nonnegative().default(0),
  /** The other agents who answer this room: whom a chat can be transferred to. */
  colleagues: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
});
export type AgentRoomSettings = z.infer<typeof AgentRoomSettings>;

/** The agent's rooms, in the order of their profile (their private room's chats count in the first). */
export const AgentRoomsFrame = z.object({
  type: z.literal('rooms'),
  rooms: z.array(AgentRoomSettings),
  /** The agent's own canned replies (their profile's). */
  cannedReplies: z.array(CannedReply).default([]),
});
export type AgentRoomsFrame = z.infer<typeof AgentRoomsFrame>;
