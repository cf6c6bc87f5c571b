import { z } from 'zod';
import { ClientId, Seq } from './ids.js';
import { Limits } from './limits.js';

/** Milliseconds since the epoch, as the server's clock saw them. */
export const Timestamp = z.number().int().nonnegative();

/** Things that happen in a conversation and are kept in its history, in order, like messages. */
export const CONVERSATION_EVENTS = [
  /** An agent accepted the conversation; `name` is the agent's display name. */
  'agent-joined',
  /** The agent left without ending it (signed out or vanished); the visitor waits for another. */
  'agent-left',
  /** The visitor ended the conversation. */
  'visitor-ended',
  /** The agent ended the conversation. */
  'agent-ended',
  /** The visitor left the queue without reconnecting, so the server closed the conversation. */
  'abandoned',
  /** A message at this place was lost to damage on the server's disk (put in its place by a journal repair). */
  'message-lost',
  /** The agent wrote last and the visitor has not answered for the room's inactivity time: the chat closes soon. */
  'idle-warning',
  /** The chat closed because the visitor did not answer after the warning (the agent sees `REMOTE_CUSTOMER_HANGUP`). */
  'idle-closed',
] as const;
export const ConversationEvent = z.enum(CONVERSATION_EVENTS);
export type ConversationEvent = z.infer<typeof ConversationEvent>;

const MessageBase = z.object({
  /** Position in the conversation, from 1, without gaps. */
  seq: Seq,
  /** The sender's id for the message (server-made for events); the same id is stored once. */
  clientId: ClientId,
  at: Timestamp,
});

/** A line of text from the visitor or the agent. Always displayed as text, never as HTML. */
export const TextMessage = MessageBase.extend({
  kind: z.literal('text'),
  from: z.enum(['visitor', 'agent']),
  /** The agent's display name when `from` is `agent`. */
  name: z.string().max(120).optional(),
  text: z.string().min(1).max(Limits.messageText),
});

/** A conversation event kept in the history so that a resuming client shows it in place. */
export const EventMessage = MessageBase.extend({
  kind: z.literal('event'),
  event: ConversationEvent,
  /** The agent's display name for agent events. */
  name: z.string().max(120).optional(),
});

/** File types Parley accepts, named by what their first bytes say they are (never by name or header). */
export const ATTACHMENT_KINDS = ['png', 'jpeg', 'gif', 'webp', 'pdf'] as const;
export const AttachmentKind = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/** A stored file, as messages refer to it. Download it from `GET /api/files/{id}` with the session token. */
export const FileInfo = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** The uploader's file name, cleaned of paths and control characters. Shown as text only. */
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  kind: AttachmentKind,
  /** The MIME type that `kind` implies; the server sends the file with it. */
  mime: z.string(),
});
export type FileInfo = z.infer<typeof FileInfo>;

/** A file sent by the visitor or the agent. Images are shown inline, other files offered as downloads. */
export const FileMessage = MessageBase.extend({
  kind: z.literal('file'),
  from: z.enum(['visitor', 'agent']),
  name: z.string().max(120).optional(),
  file: FileInfo,
});

export const ChatMessage = z.discriminatedUnion('kind', [TextMessage, EventMessage, FileMessage]);
export type ChatMessage = z.infer<typeof ChatMessage>;
export type TextMessage = z.infer<typeof TextMessage>;
export type EventMessage = z.infer<typeof EventMessage>;
export type FileMessage = z.infer<typeof FileMessage>;
