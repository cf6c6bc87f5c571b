import type { SettingsChangeEvent } from '../config/settings-change.js';
import type { Fanout } from '../gateway/fanout.js';
import type { LiveFigures } from '../owner/live-figures.js';
import type { OwnerApi } from '../owner/owner-api.js';
import type { RoutingHealth } from '../owner/routing-health.js';

/**
 * How this node reaches the routing owner and everyone's connections. One node: the owner is this
 * process (single-node.ts). Several on Redis: whichever node holds the routing lease, reached
 * through Redis, and frames published to every node (cluster-node.ts).
 */
export interface Routing {
  readonly owner: OwnerApi;
  readonly figures: LiveFigures;
  readonly fanout: Fanout;
  /** A room's queue or ready agents changed: what availability rules read may have moved. */
  onRoomChanged(listener: (room: string) => void): void;
  /** The settings changed (this node's directory already has them). */
  settingsChanged(change: SettingsChangeEvent): void;
  /** A session signed out: its clients go off duty and its sockets close, on whichever node they are. */
  closeSession(agentId: string, sessionHash: string): Promise<void>;
  health(): RoutingHealth;
  /** Stops routing here (a drain): timers, email, and in a cluster the lease and subscriptions. */
  stop(): Promise<void>;
}
