import { z } from 'zod';

/**
 * Which email features the widget offers in a room: each needs a mail server (`SMTP_URL`) and the
 * room's setting. All false when Parley sends no email.
 */
export const EmailFeatures = z.object({
  /** "Email Transcript": a button at the end of a chat. */
  transcript: z.boolean(),
  /** Leave a message when nobody is available (the launcher shows even then). */
  leaveMessage: z.boolean(),
  /** "Add Alert": while waiting, be emailed when an agent is free. */
  alert: z.boolean(),
});
export type EmailFeatures = z.infer<typeof EmailFeatures>;
