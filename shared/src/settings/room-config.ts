import { z } from 'zod';
import { RoomName } from '../ids.js';
import { ATTACHMENT_KINDS } from '../message.js';
import { AVAILABILITY_FIELDS } from './availability-config.js';
import { CannedReplies } from './canned-reply.js';
import { EMAIL_FIELDS } from './email-config.js';
import { ServiceLevels } from './service-levels.js';
import { WIDGET_FIELDS } from './widget-config.js';

/** `example.com`, `*.example.com`, optionally with `:port`. Matched against the page's origin. */
const DomainPattern = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/,
        'must be a host name like example.com or *.example.com, optionally with :port',
      ),
  );

const seconds = (min: number, max: number, fallback: number) =>
  z
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(min, `must be at least ${min} seconds`)
    .max(max, `must be at most ${max} seconds`)
    .default(fallback);

/**
 * One room (the chat room, the contact point). Every option has a default except
 * the name, label and stats key, so a minimal room is three lines.
 */
export const RoomConfig = z.strictObject({
  /** Used in URLs and the statistics endpoint, e.g. `GENERAL`. */
  name: RoomName,
  /** Shown to visitors and agents. */
  label: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  /** `quickest-reply`: every ready agent is offered the chat, the first to accept gets it.
   *  `sticky`: a returning visitor's previous agent is offered it first, alone. */
  routing: z.enum(['quickest-reply', 'sticky'], { error: 'must be "quickest-reply" or "sticky"' }).default('quickest-reply'),
  /**
   * Days this room's ended conversations (messages, files) are kept after they ended; 0 keeps them
   * for ever. Absent: the server's RETENTION_DAYS.
   */
  retentionDays: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(36_500, 'must be at most 36500')
    .optional(),
  /** Response targets of this room's chats; what it leaves out comes from the global profile. */
  serviceLevels: ServiceLevels.optional(),
  /** Result codes ("dispositions") an agent gives a chat after it ends, e.g. "Sale", "Refund", "No answer". */
  resultCodes: z
    .array(z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'))
    .max(50, 'must list at most 50 codes')
    .default([]),
  /** A result code is required before the agent is ready again. */
  resultCodeRequired: z.boolean({ error: 'must be true or false' }).default(false),
  /** Wrap-up: after a chat ends, its agent is offered no chat for this long (0: none). */
  wrapUpSeconds: seconds(0, 600, 0),
  /**
   * Reopening (seed 003): a visitor who starts a chat within this many days of their last one
   * ending gets that conversation back (same id, its history), offered first to its agent. 0: off.
   */
  reopenWithinDays: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(365, 'must be at most 365')
    .default(0),
  /** Replies the room's agents insert by shortcut (`/refund` then Tab); agents have their own too. */
  cannedReplies: CannedReplies,
  /** Sticky rooms: how long the previous agent alone is offered a returning visitor. */
  stickyTimeoutSeconds: seconds(1, 3600, 60),
  /** Offer to agents signed in only on a mobile client when no browser agent is free. */
  includeMobileStaff: z.boolean({ error: 'must be true or false' }).default(true),
  /** An offer nobody accepts within this time is withdrawn and offered again. */
  offerTimeoutSeconds: seconds(5, 600, 30),
  /** Conversations from this room an agent may hold at once, unless the agent sets their own capacity. */
  capacityPerAgent: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').default(1),
  /** Force ready: agents go back to ready by themselves after each chat instead of saying so. */
  forceReady: z.boolean({ error: 'must be true or false' }).default(false),
  /** Whitelisted domains: sites allowed to host this room's widget. Empty allows any site. */
  whitelistedDomains: z.array(DomainPattern).default([]),
  /** Hide the visitor's live draft from agents ("Hide preview typing text"). */
  hideTypingPreview: z.boolean({ error: 'must be true or false' }).default(false),
  /** "User File Attachments": visitors may send files. */
  visitorAttachments: z.boolean({ error: 'must be true or false' }).default(true),
  /** "Agent File Attachments": agents may send files. */
  agentAttachments: z.boolean({ error: 'must be true or false' }).default(true),
  /** File types accepted, by content: images and PDF unless narrowed. */
  attachmentTypes: z.array(z.enum(ATTACHMENT_KINDS, { error: `must be one of ${ATTACHMENT_KINDS.join(', ')}` })).default([...ATTACHMENT_KINDS]),
  /** Largest file accepted, in bytes (default 10 MiB, at most 25 MiB). */
  attachmentMaxBytes: z
    .number({ error: 'must be a number of bytes' })
    .int()
    .min(1024, 'must be at least 1024 bytes')
    .max(25 * 1024 * 1024, 'must be at most 26214400 bytes (25 MiB)')
    .default(10 * 1024 * 1024),
  /** The widget's look and behaviour: language, branding, theme, welcome form, features (widget-config.ts). */
  ...WIDGET_FIELDS,
  /** When the launcher shows: time zone and availability rules (availability-config.ts). */
  ...AVAILABILITY_FIELDS,
  /** Transcripts, left messages, leads and alerts by email (email-config.ts). */
  ...EMAIL_FIELDS,
  /** Secret for `/api/rooms/{room}/stats/details?key=…`, which names agents. */
  statsKey: z.string({ error: 'is required: a secret of at least 16 characters for the detailed statistics URL' }).min(16, 'must be at least 16 characters'),
});
export type RoomConfig = z.infer<typeof RoomConfig>;
