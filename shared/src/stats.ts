import { z } from 'zod';
import { AgentStatus } from './agent-status.js';
import { RoomName } from './ids.js';

/*
 * The staff-statistics JSON, key for key as the product documents show it. Sites poll these URLs:
 *   GET /api/rooms/{room}/stats                summary
 *   GET /api/rooms/{room}/stats/details?key=…  summary plus agStatDetails (needs the room's stats key)
 */

/** Count of signed-in agents in each status, zeros included. Keys in the documented example's order. */
export const StatusCounts = z.object({
  TAKING_BREAK: z.number().int().nonnegative(),
  WAITING_NEW_CALL: z.number().int().nonnegative(),
  REMOTE_CUSTOMER_HANGUP: z.number().int().nonnegative(),
  HANG_UP: z.number().int().nonnegative(),
  SERVING_CUSTOMER: z.number().int().nonnegative(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const StatsSummary = z.object({
  result: z.literal('OK'),
  chatRoom: RoomName,
  /** Agents of this room signed in on at least one client. */
  totalAgentLogon: z.number().int().nonnegative(),
  agStatSummary: z.object({
    browserAgentStatus: StatusCounts,
    mobileAppAgentStatus: StatusCounts,
  }),
});
export type StatsSummary = z.infer<typeof StatsSummary>;

/** One signed-in agent. A client the agent is not signed in on has status `null`. */
export const AgentStatDetail = z.object({
  agentID: z.string(),
  agName: z.string(),
  browserAgentStatus: AgentStatus.nullable(),
  mobileAppAgentStatus: AgentStatus.nullable(),
});
export type AgentStatDetail = z.infer<typeof AgentStatDetail>;

export const StatsDetails = StatsSummary.extend({
  agStatDetails: z.array(AgentStatDetail),
});
export type StatsDetails = z.infer<typeof StatsDetails>;

/** Any refusal: unknown room (404), missing or wrong stats key (401). */
export const StatsError = z.object({
  result: z.literal('ERROR'),
  chatRoom: z.string(),
  message: z.string(),
});
export type StatsError = z.infer<typeof StatsError>;
