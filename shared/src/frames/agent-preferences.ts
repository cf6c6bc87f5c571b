import { z } from 'zod';

/*
 * The agent's own settings that the server keeps (in the store, so they survive restarts and
 * follow the agent to every browser and phone). The private profile: whether the agent
 * wants an email when a waiting visitor asks for an email alert.
 */

/** Agent to server: change your settings. Answered by a `preferences` frame to all your connections. */
export const SetPreferencesFrame = z.object({
  type: z.literal('preferences'),
  emailAlerts: z.boolean(),
});
export type SetPreferencesFrame = z.infer<typeof SetPreferencesFrame>;

/**
 * Server to agent: your settings, sent after every `welcome` and whenever they change.
 * `emailAlertsAvailable` is false when the server sends no email or none of your rooms offers
 * email alerts: the console then leaves the setting out.
 */
export const AgentPreferencesFrame = z.object({
  type: z.literal('preferences'),
  emailAlerts: z.boolean(),
  emailAlertsAvailable: z.boolean(),
});
export type AgentPreferencesFrame = z.infer<typeof AgentPreferencesFrame>;
