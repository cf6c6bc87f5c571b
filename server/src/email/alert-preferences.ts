import type { AgentPreferencesFrame } from '@parley/shared';
import type { Directory } from '../config/directory.js';
import type { PreferenceStore } from '../store/store.js';

/**
 * The private-profile setting: whether the agent wants an email when a waiting visitor
 * asks for an alert. Off until the agent turns it on; kept in the store, so it follows the agent
 * to every device and survives restarts.
 */
export class AlertPreferences {
  constructor(
    private readonly store: PreferenceStore,
    private readonly directory: Directory,
    /** A mail server is configured. */
    private readonly enabled: boolean,
  ) {}

  async wantsAlerts(agentId: string): Promise<boolean> {
    return (await this.store.get(agentId))?.emailAlerts ?? false;
  }

  /** The agent's settings as the console shows them; the setting is offered when one of their rooms has email alerts. */
  async frame(agentId: string): Promise<AgentPreferencesFrame> {
    const rooms = this.directory.agent(agentId)?.rooms ?? [];
    const available = this.enabled && rooms.some((name) => this.directory.room(name)?.emailAlert === true);
    return { type: 'preferences', emailAlerts: await this.wantsAlerts(agentId), emailAlertsAvailable: available };
  }

  async set(agentId: string, emailAlerts: boolean): Promise<AgentPreferencesFrame> {
    // The rest of the record (a wrap-up under way) is the hub's: kept as it is.
    await this.store.save(agentId, { ...(await this.store.get(agentId)), emailAlerts });
    return this.frame(agentId);
  }
}
