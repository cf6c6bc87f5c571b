import { z } from 'zod';

/**
 * The five agent status codes, exactly as the statistics endpoint spells them.
 * Only `WAITING_NEW_CALL` receives new chats.
 */
export const AGENT_STATUSES = ['TAKING_BREAK', 'WAITING_NEW_CALL', 'REMOTE_CUSTOMER_HANGUP', 'HANG_UP', 'SERVING_CUSTOMER'] as const;
export const AgentStatus = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof AgentStatus>;

/** The statuses an agent may choose; the other three are set by the server as chats start and end. */
export const ChosenStatus = z.enum(['WAITING_NEW_CALL', 'TAKING_BREAK']);
export type ChosenStatus = z.infer<typeof ChosenStatus>;

/** An agent signs in from a browser or from a mobile client; each keeps its own status. */
export const CLIENT_KINDS = ['browser', 'mobile'] as const;
export const ClientKind = z.enum(CLIENT_KINDS);
export type ClientKind = z.infer<typeof ClientKind>;

/** Status per client; `null` when the agent is not signed in on that client. */
export const ClientStatuses = z.object({
  browser: AgentStatus.nullable(),
  mobile: AgentStatus.nullable(),
});
export type ClientStatuses = z.infer<typeof ClientStatuses>;
