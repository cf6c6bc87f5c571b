import { z } from 'zod';

const optionalSeconds = (max: number) =>
  z
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(0, 'must be at least 0')
    .max(max, `must be at most ${max} seconds`)
    .optional();

/**
 * Response targets (SLAs) and the chat timers: how soon an agent should write after accepting a
 * chat (first response) and after each visitor message (next response), with a warning at a share
 * of the target; the longest wait in the queue; visitor and agent inactivity. Set globally (the
 * global profile) and per room; the most specific value wins, field by field; 0 turns one off;
 * absent everywhere: off (and 80% for the warning).
 */
export const ServiceLevels = z.strictObject({
  firstResponseSeconds: optionalSeconds(86_400),
  nextResponseSeconds: optionalSeconds(86_400),
  warningPercent: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(99, 'must be at most 99').optional(),
  /** Longest wait in the queue before the visitor is offered to leave a message (or keep waiting). */
  maxWaitSeconds: optionalSeconds(86_400),
  /** The agent wrote last: after this long without an answer the visitor is warned... */
  visitorIdleWarningSeconds: optionalSeconds(86_400),
  /** ...and this long after the warning the chat closes (`REMOTE_CUSTOMER_HANGUP`, with a note in the chat). */
  visitorIdleCloseSeconds: optionalSeconds(86_400),
  /** The visitor wrote last (or nobody since the accept): after this long without a reply the agent is warned... */
  agentIdleWarningSeconds: optionalSeconds(86_400),
  /** ...and after this long the supervisor view lists it. */
  agentIdleSupervisorSeconds: optionalSeconds(86_400),
});
export type ServiceLevels = z.infer<typeof ServiceLevels>;

/** The timers in seconds: each resolves to milliseconds, 0 meaning off. */
const SECONDS_FIELDS = [
  'firstResponseSeconds',
  'nextResponseSeconds',
  'maxWaitSeconds',
  'visitorIdleWarningSeconds',
  'visitorIdleCloseSeconds',
  'agentIdleWarningSeconds',
  'agentIdleSupervisorSeconds',
] as const;
type SecondsField = (typeof SECONDS_FIELDS)[number];
type MsName<F extends string> = F extends `${infer Stem}Seconds` ? `${Stem}Ms` : never;

export type ResolvedServiceLevels = { [F in SecondsField as MsName<F>]: number } & {
  warningPercent: number;
  from: Record<keyof ServiceLevels, 'room' | 'global' | 'default'>;
};

/** The targets and timers that apply to a room, and where each comes from (shown in the admin console): the most specific wins. */
export function resolveServiceLevels(room: ServiceLevels | undefined, global: ServiceLevels | undefined): ResolvedServiceLevels {
  const from = {} as ResolvedServiceLevels['from'];
  const pick = <K extends keyof ServiceLevels>(key: K, fallback: number): number => {
    from[key] = room?.[key] !== undefined ? 'room' : global?.[key] !== undefined ? 'global' : 'default';
    return room?.[key] ?? global?.[key] ?? fallback;
  };
  const resolved: Record<string, unknown> = { warningPercent: pick('warningPercent', 80), from };
  for (const field of SECONDS_FIELDS) resolved[field.replace(/Seconds$/, 'Ms')] = pick(field, 0) * 1000;
  return resolved as ResolvedServiceLevels;
}
