import { fileURLToPath } from 'node:url';
import { CloseCode } from '@parley/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from './config/load-config.js';
import { createEmail, type Email } from './email/create-email.js';
import { AddressThrottle } from './gateway/address-throttle.js';
import { createAgentEndpoint } from './gateway/agent-endpoint.js';
import { AvailabilityBroadcaster } from './gateway/availability-broadcaster.js';
import type { RateLimits } from './gateway/frame-pipeline.js';
import { QueueBroadcaster } from './gateway/queue-broadcaster.js';
import type { GatewayDeps } from './gateway/session-endpoint.js';
import { ConnectionRegistry } from './gateway/registry.js';
import { SessionSweep } from './gateway/session-sweep.js';
import { Sessions } from './gateway/sessions.js';
import { createVisitorEndpoint } from './gateway/visitor-endpoint.js';
import { addAgentSessionRoutes } from './http/agent-session-routes.js';
import { addChatPageRoute } from './http/chat-page-route.js';
import { addFileRoutes } from './http/file-routes.js';
import { addHealthRoute } from './http/health-route.js';
import { Router } from './http/router.js';
import { createStaticFiles, type StaticMount } from './http/static-files.js';
import { addStatsRoutes } from './http/stats-routes.js';
import { addWidgetSettingsRoute } from './http/widget-settings-route.js';
import { systemClock, type Clock } from './hub/clock.js';
import { createHub, type Hub } from './hub/create-hub.js';
import { Directory } from './hub/directory.js';
import type { Store } from './store/store.js';
import { createTransport } from './transport/create-transport.js';

const built = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The built widget (its loader at the root, as the embed snippet names it) and agent console. */
const STATIC_MOUNTS: StaticMount[] = [
  { url: '/widget.js', path: built('widget/dist/widget.js'), kind: 'file' },
  { url: '/widget/', path: built('widget/dist'), kind: 'folder' },
  { url: '/agent/', path: built('agent/dist'), kind: 'folder' },
];

export type ParleyOptions = {
  config: ServerConfig;
  store: Store;
  log: Logger;
  clock?: Clock;
};

export type RunningParley = {
  port: number;
  transport: 'uws' | 'ws';
  hub: Hub;
  /** Stops taking connections, tells every client to reconnect (1012), and writes out the store. */
  drain(): Promise<void>;
};

/** Assembles Parley: hub over the store, gateway over the hub, transport over the gateway, then listens. */
export async function startParley({ config, store, log, clock = systemClock }: ParleyOptions): Promise<RunningParley> {
  const { env } = config;
  const registry = new ConnectionRegistry();
  let broadcaster: QueueBroadcaster | null = null;
  let availability: AvailabilityBroadcaster | null = null;
  let email: Email | null = null;
  const hub = createHub({
    directory: new Directory(config.file),
    store,
    clock,
    notifier: {
      toVisitor: (id, frame, skip, json) => registry.toVisitor(id, frame, skip, json),
      toAgent: (id, frame, skip, json) => registry.toAgent(id, frame, skip, json),
      queueChanged: (room) => {
        broadcaster?.queueChanged(room);
        availability?.roomChanged(room);
      },
      readyAgentsChanged: (room) => {
        availability?.roomChanged(room);
        email?.alerts.readyAgentsChanged(room);
      },
    },
    settings: {
      agentReconnectGraceMs: env.AGENT_RECONNECT_GRACE_SECONDS * 1000,
      visitorReconnectGraceMs: env.VISITOR_RECONNECT_GRACE_SECONDS * 1000,
    },
  });
  broadcaster = new QueueBroadcaster(hub, registry, clock);
  availability = new AvailabilityBroadcaster(hub, clock);
  await hub.restore();

  const sessions = new Sessions(store.sessions, clock, { agentMs: env.AGENT_SESSION_HOURS * 3600 * 1000, visitorIdleMs: env.VISITOR_SESSION_DAYS * 24 * 3600 * 1000 });
  const sessionSweep = new SessionSweep(store.sessions, clock, log);
  sessionSweep.start();
  email = createEmail({ config, store, hub, sessions, clock, log });
  await email.start();
  const limits: RateLimits = {
    messagesPerSecond: env.RATE_MESSAGES_PER_SECOND,
    messagesBurst: env.RATE_MESSAGES_BURST,
    typingPerSecond: env.RATE_TYPING_PER_SECOND,
    typingBurst: env.RATE_TYPING_BURST,
  };
  const addresses = new AddressThrottle(env.RATE_CONNECTIONS_PER_MINUTE, env.RATE_CONNECTIONS_BURST);
  const publicOrigin = new URL(config.publicUrl).origin;
  const endpointDeps: GatewayDeps = { hub, sessions, registry, addresses, clock, limits, log };

  let draining = false;
  const startedAt = Date.now();
  const router = new Router();
  addHealthRoute(router, () => ({ draining, transport: transport.name, store: store.kind, startedAt }));
  addStatsRoutes(router, hub);
  addAgentSessionRoutes(router, { hub, sessions, registry, clock });
  addFileRoutes(router, { hub, sessions, files: store.files, clock });
  addWidgetSettingsRoute(router, { hub, availability, publicOrigin, emailFeatures: email.features });
  addChatPageRoute(router, hub, config.publicUrl);
  router.otherwise(createStaticFiles(STATIC_MOUNTS));

  const transport = createTransport(
    env.TRANSPORT,
    {
      http: router.handle,
      sockets: { '/ws/visitor': createVisitorEndpoint({ ...endpointDeps, availability, publicOrigin, email }), '/ws/agent': createAgentEndpoint({ ...endpointDeps, preferences: email.preferences }) },
      onError: (error, where) => log.error({ err: error, where }, 'transport error'),
    },
    log,
  );
  const port = await transport.listen(env.HOST, env.PORT);

  return {
    port,
    transport: transport.name,
    hub,
    async drain() {
      if (draining) return;
      draining = true;
      transport.stopListening();
      transport.closeAll(CloseCode.SERVICE_RESTART, 'server restarting');
      broadcaster?.close();
      availability?.close();
      await email?.stop();
      await sessionSweep.stop();
      await store.close();
    },
  };
}
