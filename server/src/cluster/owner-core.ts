import type { Logger } from 'pino';
import type { Directory } from '../config/directory.js';
import type { ServerConfig } from '../config/load-config.js';
import type { SettingsChangeEvent } from '../config/settings-change.js';
import { type Clock, StoppableClock } from '../core/clock.js';
import type { Metrics } from '../core/metrics.js';
import type { AlertPreferences } from '../email/alert-preferences.js';
import { createEmail } from '../email/create-email.js';
import type { Fanout } from '../gateway/fanout.js';
import { localNotifier } from '../gateway/local-notifier.js';
import { QueueBroadcaster } from '../gateway/queue-broadcaster.js';
import { RoomSignals } from '../gateway/room-signals.js';
import { createHub, type Hub } from '../hub/create-hub.js';
import { localOwner } from '../owner/local-owner.js';
import type { OwnerApi } from '../owner/owner-api.js';
import type { Sessions } from '../sessions/sessions.js';
import type { Store } from '../store/store.js';

export type OwnerCoreDeps = {
  config: ServerConfig;
  store: Store;
  directory: Directory;
  sessions: Sessions;
  preferences: AlertPreferences;
  /** Where the hub's frames go: this process's sockets, or every node's. */
  fanout: Fanout;
  clock: Clock;
  log: Logger;
  /** Where the hub and the outbox count what happens. */
  metrics?: Metrics;
};

/** What the routing owner runs: the hub, email, and the queue broadcaster, rebuilt from the store. */
export type OwnerCore = {
  owner: OwnerApi;
  hub: Hub;
  /** Room news from the hub (queues, ready agents). */
  signals: RoomSignals;
  settingsChanged(change: SettingsChangeEvent): void;
  /** Cancels every timer and stops sending email: what a node that no longer routes must do. */
  stop(): Promise<void>;
};

/**
 * Starts routing in this process: the hub restores the queues and chats from the store, and email
 * picks up its outbox. A node that takes routing over starts one; one that loses it stops it and
 * keeps nothing of it.
 */
export async function startOwnerCore(deps: OwnerCoreDeps): Promise<OwnerCore> {
  const { config, store, directory, sessions, preferences, fanout, log, metrics } = deps;
  const clock = new StoppableClock(deps.clock);
  const signals = new RoomSignals();
  const hub = createHub({
    directory,
    store,
    clock,
    notifier: localNotifier(fanout, signals),
    settings: {
      agentReconnectGraceMs: config.env.AGENT_RECONNECT_GRACE_SECONDS * 1000,
      visitorReconnectGraceMs: config.env.VISITOR_RECONNECT_GRACE_SECONDS * 1000,
    },
    ...(metrics ? { metrics } : {}),
  });
  const email = createEmail({ config, store, hub, sessions, clock, log, preferences, ...(metrics ? { metrics } : {}) });
  const broadcaster = new QueueBroadcaster(hub, fanout, clock);
  signals.onQueueChanged((room) => broadcaster.queueChanged(room));
  signals.onReadyAgentsChanged((room) => email.alerts.readyAgentsChanged(room));
  await hub.restore();
  await email.start();
  return {
    owner: localOwner(hub, email, directory, clock),
    hub,
    signals,
    settingsChanged(change) {
      const signedOut = hub.settings.apply(change);
      if (signedOut) fanout.closeAgent(signedOut.agentId, { clients: signedOut.clients });
      broadcaster.settingsChanged();
    },
    async stop() {
      clock.stop();
      broadcaster.close();
      await email.stop();
    },
  };
}
