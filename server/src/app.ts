import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CloseCode } from '@parley/shared';
import type { Logger } from 'pino';
import { RoomAvailability } from './availability/room-availability.js';
import { ClusterNode } from './cluster/cluster-node.js';
import type { Routing } from './cluster/routing.js';
import { singleNodeRouting } from './cluster/single-node.js';
import type { ServerConfig } from './config/load-config.js';
import { widgetSettings } from './config/widget-settings.js';
import { type Clock, systemClock } from './core/clock.js';
import { Metrics } from './core/metrics.js';
import { AlertPreferences } from './email/alert-preferences.js';
import { emailEnabled, emailFeatures } from './email/create-email.js';
import { UploadAllowance } from './files/upload-allowance.js';
import { AddressThrottle } from './gateway/address-throttle.js';
import { createAgentEndpoint } from './gateway/agent-endpoint.js';
import type { RateLimits } from './gateway/frame-pipeline.js';
import { ConnectionRegistry } from './gateway/registry.js';
import { RoomFeed } from './gateway/room-feed.js';
import type { GatewayDeps } from './gateway/session-endpoint.js';
import { createVisitorEndpoint } from './gateway/visitor-endpoint.js';
import { addAdminAgentRoutes } from './http/admin/admin-agent-routes.js';
import { type AdminDeps, SETUP_TTL_MS } from './http/admin/admin-deps.js';
import { addAdminPrivacyRoutes } from './http/admin/admin-privacy-routes.js';
import { addAdminReportRoutes } from './http/admin/admin-report-routes.js';
import { addAdminRoomRoutes } from './http/admin/admin-room-routes.js';
import { addAdminRoomTools } from './http/admin/admin-room-tools.js';
import { addAdminSessionRoutes } from './http/admin/admin-session-routes.js';
import { addAgentSessionRoutes } from './http/agent-session-routes.js';
import { addChatPageRoute, addEmbedPreviewRoute } from './http/chat-page-route.js';
import { addFileRoutes } from './http/file-routes.js';
import { addHealthRoute } from './http/health-route.js';
import { withHsts } from './http/hsts.js';
import { addInviteRoutes } from './http/invite-routes.js';
import { addLogoRoute } from './http/logo-route.js';
import { addMetricsRoute, serveMetrics } from './http/metrics-route.js';
import { Router } from './http/router.js';
import { CONSOLE_PAGE_HEADERS, createStaticFiles, type StaticMount } from './http/static-files.js';
import { addStatsRoutes } from './http/stats-routes.js';
import { addWidgetSettingsRoute } from './http/widget-settings-route.js';
import { sampleMetrics } from './metrics-sampler.js';
import { SessionSweep } from './sessions/session-sweep.js';
import { Sessions } from './sessions/sessions.js';
import { Settings } from './settings/settings.js';
import { isRedisStore } from './store/redis/redis-store.js';
import { RetentionSchedule } from './store/retention-schedule.js';
import type { Store } from './store/store.js';
import { createTransport } from './transport/create-transport.js';

const built = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The built widget (its loader at the root, as the embed snippet names it) and agent console. */
const STATIC_MOUNTS: StaticMount[] = [
  { url: '/widget.js', path: built('widget/dist/widget.js'), kind: 'file' },
  { url: '/widget/', path: built('widget/dist'), kind: 'folder' },
  { url: '/agent/', path: built('agent/dist'), kind: 'folder', pageHeaders: CONSOLE_PAGE_HEADERS },
  { url: '/admin/', path: built('admin/dist'), kind: 'folder', pageHeaders: CONSOLE_PAGE_HEADERS },
];

export type ParleyOptions = {
  config: ServerConfig;
  store: Store;
  log: Logger;
  clock?: Clock;
  /** What `/metrics` reports; main makes it before the store, whose journal it times. */
  metrics?: Metrics;
};

export type RunningParley = {
  port: number;
  transport: 'uws' | 'ws';
  /** How this node routes (and, in tests, the owner's answers). */
  routing: Routing;
  /** While Parley has no admin: a one-time link to create the first one (printed at start), else null. */
  setupUrl: string | null;
  /** The port `/metrics` is served on without a token (METRICS_PORT), or null. */
  metricsPort: number | null;
  /** Stops taking connections, tells every client to reconnect (1012), and writes out the store. */
  drain(): Promise<void>;
};

/** Assembles Parley: settings, routing (hub and email) over the store, gateway over both, transport over the gateway, then listens. */
export async function startParley({ config, store, log, clock = systemClock, metrics = new Metrics() }: ParleyOptions): Promise<RunningParley> {
  const { env } = config;
  const settings = await Settings.open(store, clock, log, { file: config.file, path: config.configPath });
  const directory = settings.directory;
  const node = env.NODE_ID ?? `${hostname()}-${process.pid}`;
  const registry = new ConnectionRegistry(node);
  const sessions = new Sessions(
    store.sessions,
    clock,
    { agent: (id) => directory.agent(id), admin: (id) => settings.admin(id) },
    {
      agentMs: env.AGENT_SESSION_HOURS * 3600 * 1000,
      visitorIdleMs: env.VISITOR_SESSION_DAYS * 24 * 3600 * 1000,
    },
  );
  const sessionSweep = new SessionSweep(store.sessions, clock, log);
  const retention = store.maintenance ? new RetentionSchedule(store.maintenance, directory, env.RETENTION_DAYS, clock, log) : null;
  const preferences = new AlertPreferences(store.preferences, directory, emailEnabled(config));
  const routingDeps = { config, directory, sessions, preferences, registry, clock, log, metrics };
  const cluster = isRedisStore(store)
    ? await ClusterNode.start({ ...routingDeps, store, settings, node, leaseMs: env.ROUTING_LEASE_MS, redisUrl: env.REDIS_URL! })
    : null;
  const routing: Routing = cluster ?? (await singleNodeRouting({ ...routingDeps, store }));
  const roomAvailability = new RoomAvailability(routing.figures, clock);
  const features = emailFeatures(config);
  const feed = new RoomFeed(
    roomAvailability,
    directory,
    (name, entry) => widgetSettings(name, entry, roomAvailability.isAvailable(entry), directory, features(entry)),
    clock,
  );
  routing.onRoomChanged((room) => feed.roomChanged(room));
  settings.onChange((change) => {
    routing.settingsChanged(change);
    feed.settingsChanged();
    retention?.settingsChanged();
  });
  sessionSweep.start();
  retention?.start();
  const setupUrl = settings.list('admin').length > 0 ? null : `${config.publicUrl}/admin/#invite=${(await sessions.invite('admin', '', SETUP_TTL_MS)).token}`;
  if (setupUrl) log.warn({ setupUrl }, `No admin yet: open ${setupUrl} within 24 hours to create the first one (or run npm run create-admin)`);
  const limits: RateLimits = {
    messagesPerSecond: env.RATE_MESSAGES_PER_SECOND,
    messagesBurst: env.RATE_MESSAGES_BURST,
    typingPerSecond: env.RATE_TYPING_PER_SECOND,
    typingBurst: env.RATE_TYPING_BURST,
  };
  // Several nodes also count connections per address together; one node alone needs only its own count.
  const addresses = new AddressThrottle(env.RATE_CONNECTIONS_PER_MINUTE, env.RATE_CONNECTIONS_BURST, cluster ? store.limits : null);
  const publicOrigin = new URL(config.publicUrl).origin;
  const { owner, figures, fanout } = routing;
  const endpointDeps: GatewayDeps = { owner, directory, sessions, registry, addresses, clock, limits, log, metrics };

  let draining = false;
  const startedAt = Date.now();
  const router = new Router();
  addHealthRoute(router, () => ({ draining, routing: routing.health(), transport: transport.name, store: store.kind, startedAt }));
  addMetricsRoute(router, metrics, env.METRICS_TOKEN);
  addStatsRoutes(router, { figures, directory });
  addAgentSessionRoutes(router, {
    directory,
    sessions,
    limits: store.limits,
    clock,
    closeSession: (agentId, sessionHash) => routing.closeSession(agentId, sessionHash),
  });
  const uploads = new UploadAllowance(
    store.limits,
    () => store.diskFree(),
    {
      perMinute: env.UPLOADS_PER_MINUTE,
      perConversationBytes: env.UPLOAD_BYTES_PER_CONVERSATION,
      perVisitorBytesPerDay: env.UPLOAD_BYTES_PER_VISITOR_PER_DAY,
      perNetworkBytesPerDay: env.UPLOAD_BYTES_PER_ADDRESS_PER_DAY,
      diskReserveBytes: env.DISK_RESERVE_BYTES,
    },
    () => clock.now(),
  );
  addFileRoutes(router, { owner, directory, sessions, files: store.files, clock, uploads });
  addWidgetSettingsRoute(router, { directory, availability: roomAvailability, publicOrigin, emailFeatures: features });
  addChatPageRoute(router, directory, config.publicUrl);
  addEmbedPreviewRoute(router, directory, config.publicUrl);
  const adminDeps: AdminDeps = { settings, sessions, owner, figures, store, clock, roomAvailability, publicUrl: config.publicUrl };
  addAdminSessionRoutes(router, adminDeps);
  addAdminRoomRoutes(router, adminDeps);
  addAdminPrivacyRoutes(router, adminDeps);
  addAdminReportRoutes(router, adminDeps);
  addAdminRoomTools(router, adminDeps);
  addAdminAgentRoutes(router, adminDeps);
  addInviteRoutes(router, { settings, sessions });
  addLogoRoute(router, store.files);
  router.otherwise(createStaticFiles(STATIC_MOUNTS));

  const transport = createTransport(
    env.TRANSPORT,
    {
      http: env.HSTS_MAX_AGE_SECONDS === undefined ? router.handle : withHsts(router.handle, env.HSTS_MAX_AGE_SECONDS),
      admitBody: router.admitBody,
      sockets: {
        '/ws/visitor': createVisitorEndpoint({ ...endpointDeps, feed, roomAvailability, publicOrigin }),
        '/ws/agent': createAgentEndpoint({ ...endpointDeps, preferences, fanout }),
      },
      onError: (error, where) => log.error({ err: error, where }, 'transport error'),
      trustProxy: env.TRUST_PROXY,
      maxConnectionsPerAddress: env.TRUST_PROXY ? 0 : env.MAX_CONNECTIONS_PER_ADDRESS,
    },
    log,
  );
  const port = await transport.listen(env.HOST, env.PORT);
  sampleMetrics({
    metrics,
    transport,
    directory,
    figures,
    store,
    now: () => clock.now(),
  });
  const metricsServer = env.METRICS_PORT === undefined ? null : await serveMetrics(metrics, env.METRICS_HOST, env.METRICS_PORT);

  return {
    port,
    transport: transport.name,
    routing,
    setupUrl,
    metricsPort: metricsServer?.port ?? null,
    async drain() {
      if (draining) return;
      draining = true;
      metricsServer?.close();
      transport.stopListening();
      transport.closeAll(CloseCode.SERVICE_RESTART, 'server restarting');
      feed.close();
      await routing.stop();
      await sessionSweep.stop();
      await retention?.stop();
      await store.close();
    },
  };
}
