/*
 * The baselines answer the statistics scenario with the same JSON Parley serves (the staff statistics'
 * summary, key for key), counted the same way: one counter per status and client, moved on each
 * change, serialised again on the first request after a change.
 */

export const STATUSES = ['TAKING_BREAK', 'WAITING_NEW_CALL', 'REMOTE_CUSTOMER_HANGUP', 'HANG_UP', 'SERVING_CUSTOMER'] as const;
export type Status = (typeof STATUSES)[number];

export class StatusCounter {
  private readonly browser = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  private readonly mobile = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  private readonly agents = new Map<string, Status>();
  private json: string | null = null;

  constructor(private readonly room: string) {}

  /** An agent's browser status moved to `status`. */
  set(agent: string, status: Status): void {
    const before = this.agents.get(agent);
    if (before === status) return;
    if (before) this.browser[before]--;
    this.browser[status]++;
    this.agents.set(agent, status);
    this.json = null;
  }

  summary(): string {
    return (this.json ??= JSON.stringify({
      result: 'OK',
      chatRoom: this.room,
      totalAgentLogon: this.agents.size,
      agStatSummary: { browserAgentStatus: this.browser, mobileAppAgentStatus: this.mobile },
    }));
  }
}
