import { AGENT_STATUSES, type AgentStatus, type ClientStatuses, type StatusCounts } from '@parley/shared';
import type { AgentEntry, Directory } from '../config/directory.js';

function zeroCounts(): StatusCounts {
  return Object.fromEntries(AGENT_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

class RoomStats {
  readonly browser = zeroCounts();
  readonly mobile = zeroCounts();
  /** Signed-in agents of the room, in sign-in order, with their statuses. */
  readonly agents = new Map<string, { name: string; statuses: ClientStatuses }>();
  summary: string | null = null;
  details: string | null = null;

  constructor(readonly room: string) {}

  summaryObject() {
    return {
      result: 'OK' as const,
      chatRoom: this.room,
      totalAgentLogon: this.agents.size,
      agStatSummary: { browserAgentStatus: this.browser, mobileAppAgentStatus: this.mobile },
    };
  }
}

function adjust(counts: StatusCounts, status: AgentStatus | null, by: number): void {
  if (status) counts[status] += by;
}

/**
 * The statistics endpoint's answers, kept current as statuses change: counters move by one on
 * each change, and each room's JSON is serialised at most once per change, however often sites
 * poll. A request never walks the agent list.
 */
export class StatsBoard {
  private readonly rooms = new Map<string, RoomStats>();

  constructor(directory: Directory) {
    for (const room of directory.rooms()) this.rooms.set(room.name, new RoomStats(room.name));
  }

  /** Records an agent's move from `before` to `after` (null on a client they are not signed in on). */
  update(agent: AgentEntry, before: ClientStatuses, after: ClientStatuses): void {
    if (before.browser === after.browser && before.mobile === after.mobile) return;
    const signedIn = after.browser !== null || after.mobile !== null;
    for (const name of agent.rooms) {
      const stats = this.rooms.get(name);
      if (!stats) continue;
      adjust(stats.browser, before.browser, -1);
      adjust(stats.browser, after.browser, 1);
      adjust(stats.mobile, before.mobile, -1);
      adjust(stats.mobile, after.mobile, 1);
      if (signedIn) stats.agents.set(agent.id, { name: agent.name, statuses: after });
      else stats.agents.delete(agent.id);
      stats.summary = null;
      stats.details = null;
    }
  }

  /** A room was added to, or removed from, the settings. */
  setRooms(names: readonly string[]): void {
    for (const name of [...this.rooms.keys()]) if (!names.includes(name)) this.rooms.delete(name);
    for (const name of names) if (!this.rooms.has(name)) this.rooms.set(name, new RoomStats(name));
  }

  /** The agent's rooms or name changed while signed in (with `statuses`): they move from the old rooms' figures to the new ones'. */
  moveAgent(before: AgentEntry, after: AgentEntry, statuses: ClientStatuses): void {
    const off: ClientStatuses = { browser: null, mobile: null };
    this.update(before, statuses, off);
    this.update(after, off, statuses);
  }

  /** JSON for `/api/rooms/{room}/stats`, or undefined for an unknown room. */
  summary(room: string): string | undefined {
    const stats = this.rooms.get(room);
    if (!stats) return undefined;
    return (stats.summary ??= JSON.stringify(stats.summaryObject()));
  }

  /** JSON for `/api/rooms/{room}/stats/details`. */
  details(room: string): string | undefined {
    const stats = this.rooms.get(room);
    if (!stats) return undefined;
    return (stats.details ??= JSON.stringify({
      ...stats.summaryObject(),
      agStatDetails: [...stats.agents].map(([agentID, { name, statuses }]) => ({
        agentID,
        agName: name,
        browserAgentStatus: statuses.browser,
        mobileAppAgentStatus: statuses.mobile,
      })),
    }));
  }
}
