import { z } from 'zod';

/**
 * Server to visitor: whether the room's availability rules let visitors start a chat now. Sent
 * as soon as the connection opens (before `hello`: a page that has not chatted yet only listens)
 * and again whenever the answer changes, so launchers appear and disappear without a reload.
 */
export const AvailabilityFrame = z.object({
  type: z.literal('availability'),
  available: z.boolean(),
});
export type AvailabilityFrame = z.infer<typeof AvailabilityFrame>;
