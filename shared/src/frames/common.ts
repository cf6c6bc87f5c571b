import { z } from 'zod';
import { ErrorCode } from '../codes.js';
import { ClientId, Seq, ServerId } from '../ids.js';
import { Limits } from '../limits.js';
import { ChatMessage, Timestamp } from '../message.js';
import { hasVisibleText } from './visible-text.js';

/*
 * Frames both endpoints share. Every frame is a JSON object with a `type`; every frame that
 * concerns a conversation names it with `conversationId`.
 */

// ---- client to server ----

/** Send a chat message. Sending the same `clientId` again stores it once and acknowledges it again. */
export const SendMessageFrame = z.object({
  type: z.literal('message'),
  conversationId: ServerId,
  clientId: ClientId,
  text: z.string().max(Limits.messageText).refine(hasVisibleText, 'must not be empty (nor only invisible characters)'),
});

/** Typing started (`active: true`) or stopped. `draft` is the live text, shown to agents only. */
export const TypingFrame = z.object({
  type: z.literal('typing'),
  conversationId: ServerId,
  active: z.boolean(),
  draft: z.string().max(Limits.typingDraft).optional(),
});

/** Ask for every stored message after `afterSeq`, answered with one or more `history` frames. */
export const SyncFrame = z.object({
  type: z.literal('sync'),
  conversationId: ServerId,
  afterSeq: Seq,
});

/** End the conversation (the visitor leaves the queue or hangs up; the agent hangs up). */
export const EndFrame = z.object({
  type: z.literal('end'),
  conversationId: ServerId,
});

// ---- server to client ----

/** The message with `clientId` is stored durably as `seq`. */
export const AckFrame = z.object({
  type: z.literal('ack'),
  conversationId: ServerId,
  clientId: ClientId,
  seq: Seq,
  at: Timestamp,
});

/** A new message or event in a conversation, from the other party or another tab of the sender. */
export const MessageFrame = z.object({
  type: z.literal('message'),
  conversationId: ServerId,
  message: ChatMessage,
});

/** Stored messages in order, answering `sync`; when `more` is true, sync again from the last one. */
export const HistoryFrame = z.object({
  type: z.literal('history'),
  conversationId: ServerId,
  messages: z.array(ChatMessage),
  more: z.boolean(),
});

/** Something the client sent was refused; `ref` is its `clientId`, or its frame type. */
export const ErrorFrame = z.object({
  type: z.literal('error'),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  ref: z.string().optional(),
});
export type ErrorFrame = z.infer<typeof ErrorFrame>;

export type SendMessageFrame = z.infer<typeof SendMessageFrame>;
export type TypingFrame = z.infer<typeof TypingFrame>;
export type SyncFrame = z.infer<typeof SyncFrame>;
export type EndFrame = z.infer<typeof EndFrame>;
export type AckFrame = z.infer<typeof AckFrame>;
export type MessageFrame = z.infer<typeof MessageFrame>;
export type HistoryFrame = z.infer<typeof HistoryFrame>;
