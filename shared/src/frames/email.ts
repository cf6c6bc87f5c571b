import { z } from 'zod';
import { EMAIL_ADDRESS_MAX, isEmailAddress, LEAVE_MESSAGE_NAME_MAX } from '../email-address.js';
import { ClientId, ServerId } from '../ids.js';
import { Limits } from '../limits.js';

/*
 * Email from the widget: the transcript at the end of a chat, a message left
 * when nobody is available and an email alert while waiting. Each request carries a
 * `clientId`, as messages do: sending it again (after a reconnect) asks for nothing new, and a
 * refusal comes back as an `error` frame whose `ref` is that id.
 */

/** A plain `name@example.com`: nothing a mail header could read as more (see email-address.ts). */
export const EmailAddress = z.string().trim().max(EMAIL_ADDRESS_MAX).refine(isEmailAddress, 'must be an email address like name@example.com');

// ---- visitor to server ----

/**
 * Email me this (ended) conversation's transcript. Without `email`, to the address the visitor
 * gave in the welcome form.
 */
export const EmailTranscriptFrame = z.object({
  type: z.literal('emailTranscript'),
  clientId: ClientId,
  conversationId: ServerId,
  email: EmailAddress.optional(),
});

/** Nobody is available: leave a message for the room's sales lead addresses. */
export const LeaveMessageFrame = z.object({
  type: z.literal('leaveMessage'),
  clientId: ClientId,
  name: z.string().trim().min(1, 'must not be empty').max(LEAVE_MESSAGE_NAME_MAX),
  email: EmailAddress,
  message: z
    .string()
    .max(Limits.messageText)
    .refine((text) => text.trim().length > 0, 'must not be empty'),
});

/**
 * While waiting: email me when an agent is free ("Add Alert"). Without `email`, to the
 * welcome form's address. Agents who turned on email alerts hear of the request at once.
 */
export const EmailAlertFrame = z.object({
  type: z.literal('emailAlert'),
  clientId: ClientId,
  conversationId: ServerId,
  email: EmailAddress.optional(),
});

// ---- server to visitor ----

/**
 * The request with `clientId` is recorded and its email will be sent (an alert: when an agent is
 * free). `to` is the visitor's address it goes to.
 */
export const EmailQueuedFrame = z.object({
  type: z.literal('emailQueued'),
  clientId: ClientId,
  request: z.enum(['transcript', 'message', 'alert']),
  to: z.string(),
});

export type EmailTranscriptFrame = z.infer<typeof EmailTranscriptFrame>;
export type LeaveMessageFrame = z.infer<typeof LeaveMessageFrame>;
export type EmailAlertFrame = z.infer<typeof EmailAlertFrame>;
export type EmailQueuedFrame = z.infer<typeof EmailQueuedFrame>;
