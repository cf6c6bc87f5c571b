import { z } from 'zod';

const optionalSeconds = (max: number) =>
  z
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(0, 'must be at least 0')
    .max(max, `must be at most ${max} seconds`)
    .optional();

/**
 * Response targets (SLAs): how soon an agent should write after accepting a chat (first
 * response) and after each visitor message (next response), with a warning at a share of the
 * target. Set globally (the global profile) and per room; the most specific value wins, field
 * by field; 0 turns a target off; absent everywhere: off (and 80% for the warning).
 */
export const ServiceLevels = z.strictObject({
  firstResponseSeconds: optionalSeconds(86_400),
  nextResponseSeconds: optionalSeconds(86_400),
  warningPercent: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(99, 'must be at most 99').optional(),
});
export type ServiceLevels = z.infer<typeof ServiceLevels>;

export type ResolvedServiceLevels = {
  firstResponseMs: number;
  nextResponseMs: number;
  warningPercent: number;
  from: Record<keyof ServiceLevels, 'room' | 'global' | 'default'>;
};

/** The targets that apply to a room, and where each comes from (shown in the admin console). */
export function resolveServiceLevels(room: ServiceLevels | undefined, global: ServiceLevels | undefined): ResolvedServiceLevels {
  const pick = <K extends keyof ServiceLevels>(key: K, fallback: number): [number, 'room' | 'global' | 'default'] =>
    room?.[key] !== undefined ? [room[key]!, 'room'] : global?.[key] !== undefined ? [global[key]!, 'global'] : [fallback, 'default'];
  const [first, firstFrom] = pick('firstResponseSeconds', 0);
  const [next, nextFrom] = pick('nextResponseSeconds', 0);
  const [warning, warningFrom] = pick('warningPercent', 80);
  return {
    firstResponseMs: first * 1000,
    nextResponseMs: next * 1000,
    warningPercent: warning,
    from: { firstResponseSeconds: firstFrom, nextResponseSeconds: nextFrom, warningPercent: warningFrom },
  };
}
