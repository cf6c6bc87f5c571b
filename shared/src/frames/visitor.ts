import { z } from 'zod';
import { FormAnswers, VisitorContext } from '../context.js';
import { VisitorConversationView } from '../conversation.js';
import { RoomName, ServerId } from '../ids.js';
import { WidgetSettings } from '../widget-settings.js';
import { AvailabilityFrame } from './availability.js';
import { AckFrame, EndFrame, ErrorFrame, HistoryFrame, MessageFrame, SendMessageFrame, SyncFrame, TypingFrame } from './common.js';
import { EmailAlertFrame, EmailQueuedFrame, EmailTranscriptFrame, LeaveMessageFrame } from './email.js';

/*
 * The visitor endpoint: `GET /ws/visitor?room=NAME` upgraded to a WebSocket. The room is part of
 * the URL so that its whitelisted domains are checked before the upgrade.
 */

// ---- visitor to server ----

/**
 * First frame on every connection. Without `token` (or with one the server does not know) the
 * server mints a new visitor; with a known one, the same visitor continues on this connection.
 */
export const VisitorHelloFrame = z.object({
  type: z.literal('hello'),
  token: z.string().max(128).optional(),
  context: VisitorContext.optional(),
});

/** Start a conversation in the room with the welcome form's answers. Repeating it returns the open one. */
export const StartFrame = z.object({
  type: z.literal('start'),
  form: FormAnswers.default({}),
  context: VisitorContext.optional(),
});

/** In a sticky room, stop waiting for the previous agent alone and offer the chat to everyone. */
export const AskAllFrame = z.object({
  type: z.literal('askAll'),
  conversationId: ServerId,
});

/** After the room's maximum wait (the conversation says `waitedTooLong`): keep waiting rather than leave a message; the wait counts again from now. */
export const KeepWaitingFrame = z.object({
  type: z.literal('keepWaiting'),
  conversationId: ServerId,
});

export const VisitorClientFrame = z.discriminatedUnion('type', [
  VisitorHelloFrame,
  StartFrame,
  SendMessageFrame,
  TypingFrame,
  SyncFrame,
  AskAllFrame,
  KeepWaitingFrame,
  EndFrame,
  EmailTranscriptFrame,
  LeaveMessageFrame,
  EmailAlertFrame,
]);
export type VisitorClientFrame = z.infer<typeof VisitorClientFrame>;

// ---- server to visitor ----

/** The session is ready. Keep `token` (in the widget: localStorage) and present it on reconnect. */
export const VisitorWelcomeFrame = z.object({
  type: z.literal('welcome'),
  visitorId: ServerId,
  token: z.string(),
  room: z.object({
    name: RoomName,
    label: z.string(),
    routing: z.enum(['quickest-reply', 'sticky']),
  }),
  /** The visitor's open conversation in this room, if any; sync from your last seq to catch up. */
  conversation: VisitorConversationView.nullable(),
});

/** The conversation changed: accepted, requeued, ended, or its routing phase changed. */
export const VisitorConversationFrame = z.object({
  type: z.literal('conversation'),
  conversation: VisitorConversationView,
});

/** Place in the room's queue, from 1; sent when waiting starts and whenever it changes. */
export const QueuePositionFrame = z.object({
  type: z.literal('queue'),
  conversationId: ServerId,
  position: z.number().int().min(1),
});

/** The agent started or stopped typing. The agent's draft is never sent to visitors. */
export const AgentTypingFrame = z.object({
  type: z.literal('typing'),
  conversationId: ServerId,
  active: z.boolean(),
});

/**
 * The room's public settings changed (an admin saved them): theme, welcome form, launcher,
 * features. The same shape the settings request answers; sent only to pages of that room.
 */
export const RoomSettingsFrame = z.object({
  type: z.literal('settings'),
  settings: WidgetSettings,
});

export const VisitorServerFrame = z.discriminatedUnion('type', [
  VisitorWelcomeFrame,
  VisitorConversationFrame,
  QueuePositionFrame,
  AckFrame,
  MessageFrame,
  HistoryFrame,
  AgentTypingFrame,
  ErrorFrame,
  AvailabilityFrame,
  EmailQueuedFrame,
  RoomSettingsFrame,
]);
export type VisitorServerFrame = z.infer<typeof VisitorServerFrame>;

export type VisitorHelloFrame = z.infer<typeof VisitorHelloFrame>;
export type StartFrame = z.infer<typeof StartFrame>;
export type AskAllFrame = z.infer<typeof AskAllFrame>;
export type VisitorWelcomeFrame = z.infer<typeof VisitorWelcomeFrame>;
export type VisitorConversationFrame = z.infer<typeof VisitorConversationFrame>;
export type QueuePositionFrame = z.infer<typeof QueuePositionFrame>;
export type AgentTypingFrame = z.infer<typeof AgentTypingFrame>;
export type RoomSettingsFrame = z.infer<typeof RoomSettingsFrame>;
