import type { ClientStatuses } from '@parley/shared';
import type { RoomFactsSource } from '../availability/room-availability.js';
import type { Hub } from '../hub/create-hub.js';

/**
 * What every node answers from its own memory, without asking the owner: the statistics sites
 * poll, the figures availability rules read, and who is signed in where. On one node they are
 * the hub's; on several, a copy each node keeps current from the owner's news (cluster/).
 */
export interface LiveFigures extends RoomFactsSource {
  /** JSON for `/api/rooms/{room}/stats`, or undefined for an unknown room. */
  statsSummary(room: string): string | undefined;
  /** JSON for `/api/rooms/{room}/stats/details`. */
  statsDetails(room: string): string | undefined;
  /** An agent's status on each client (null where not signed in). */
  statuses(agentId: string): ClientStatuses;
  /** When the room's longest-waiting visitor started waiting, where this node knows it (the routing node), else null. */
  oldestWaitingSince(room: string): number | null;
}

export function hubFigures(hub: Hub): LiveFigures {
  return {
    facts: (room) => hub.queues.facts(room),
    isReady: (agentId, room) => hub.queues.isReady(agentId, room),
    statsSummary: (room) => hub.stats.summary(room),
    statsDetails: (room) => hub.stats.details(room),
    statuses: (agentId) => hub.presence.statusesOf(agentId),
    oldestWaitingSince: (room) => hub.queues.oldestWaitingSince(room),
  };
}
