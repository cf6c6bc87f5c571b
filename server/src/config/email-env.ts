import { isEmailAddress } from '@parley/shared';
import { z } from 'zod';
import { int } from './env-number.js';

/*
 * Email's environment variables, spread into env.ts. Without SMTP_URL Parley sends no email and
 * the widget offers none of the email features.
 */
export const EMAIL_ENV = {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). Unset: no email. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465' }).optional(),
  /** The sender address of every email; the sender name is the room's company name (public profile). */
  EMAIL_FROM: z
    .string()
    .trim()
    .refine(isEmailAddress, 'must be a plain address such as chat@example.com (the sender name comes from the public profile)')
    .optional(),
  /** First wait before sending again after the mail server failed; it doubles each time, up to an hour. */
  EMAIL_RETRY_SECONDS: int(1, 3600, 30, ' of seconds'),
  /** An email not sent after this long is given up (and logged as an error). */
  EMAIL_GIVE_UP_HOURS: int(1, 720, 72, ' of hours'),
  /** Emails one visitor may ask for (transcripts, messages, alerts) per hour. */
  EMAIL_PER_VISITOR_PER_HOUR: int(1, 1000, 5),
  /** Emails visitors from one network address may ask for per hour, whatever their visitor ids. */
  EMAIL_PER_NETWORK_PER_HOUR: int(1, 100_000, 20),
  /** Emails a visitor-given address may receive per hour. */
  EMAIL_PER_ADDRESS_PER_HOUR: int(1, 1000, 3),
  /** Emails visitors' requests may send to one room's own addresses (leads, transcript copies, agents' alerts) per hour. */
  EMAIL_PER_ROOM_PER_HOUR: int(1, 1_000_000, 200),
  /** How long the file links in an emailed transcript work. */
  EMAIL_LINK_DAYS: int(1, 365, 30, ' of days'),
};

/** EMAIL_FROM is needed as soon as there is a mail server to send through. */
export function requireSender(env: { SMTP_URL?: string | undefined; EMAIL_FROM?: string | undefined }, ctx: z.RefinementCtx): void {
  if (env.SMTP_URL && !env.EMAIL_FROM) {
    ctx.addIssue({ code: 'custom', path: ['EMAIL_FROM'], message: 'is required with SMTP_URL: the address emails are sent from, such as chat@example.com' });
  }
}
