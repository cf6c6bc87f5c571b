import { z } from 'zod';

/*
 * "Agent Availability Rules": when a room's launcher shows. Rules look at the time of
 * day and day of week in the room's time zone, the number of waiting visitors and the number of
 * ready agents; `match` combines them (`all` of them hold, or `any`). No rules: always available.
 */

export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** `HH:MM` on a 24-hour clock; `24:00` is the end of the day. */
const TimeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time like 09:00 or 17:30 (24-hour clock)');

const HoursRule = z
  .strictObject({
    /** Open from `from` to `to` (not included) on `days`; a range past midnight (22:00 to 06:00) ends the next morning. */
    type: z.literal('hours'),
    days: z
      .array(z.enum(WEEK_DAYS, { error: `must be one of ${WEEK_DAYS.join(', ')}` }))
      .min(1, 'must list at least one day')
      .default([...WEEK_DAYS]),
    from: TimeOfDay,
    to: TimeOfDay,
  })
  .refine((rule) => rule.from !== rule.to, { message: 'from and to must differ', path: ['to'] });

const ReadyAgentsRule = z.strictObject({
  /** At least this many of the room's agents ready for a new chat (status WAITING_NEW_CALL on a connected client). */
  type: z.literal('readyAgents'),
  atLeast: z.number().int().min(0).max(10_000),
});

const WaitingVisitorsRule = z.strictObject({
  /** At most this many visitors waiting in the room's queue. */
  type: z.literal('waitingVisitors'),
  atMost: z.number().int().min(0).max(1_000_000),
});

export const AvailabilityRule = z.discriminatedUnion('type', [HoursRule, ReadyAgentsRule, WaitingVisitorsRule], {
  error: 'must have a type of "hours", "readyAgents" or "waitingVisitors"',
});
export type AvailabilityRule = z.infer<typeof AvailabilityRule>;

export const AvailabilityConfig = z
  .strictObject({
    match: z.enum(['all', 'any'], { error: 'must be "all" or "any"' }).default('all'),
    rules: z.array(AvailabilityRule).max(20, 'must have at most 20 rules').default([]),
  })
  .prefault({});
export type AvailabilityConfig = z.infer<typeof AvailabilityConfig>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Spread into the room's schema (room-config.ts). */
export const AVAILABILITY_FIELDS = {
  /** IANA time zone the hours rules are read in, e.g. `Europe/Paris`. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris or America/New_York').default('UTC'),
  /** When the launcher shows; see the rules above. */
  availability: AvailabilityConfig,
};
