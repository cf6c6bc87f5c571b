import { CloseCode } from '@parley/shared';
import type { Logger } from 'pino';
import type { SettingsChangeEvent } from '../config/settings-change.js';
import { closeAgentSession } from '../gateway/agent-session-closer.js';
import type { ConnectionRegistry } from '../gateway/registry.js';
import { hubFigures, type LiveFigures } from '../owner/live-figures.js';
import type { OwnerApi } from '../owner/owner-api.js';
import type { RoutingHealth } from '../owner/routing-health.js';
import type { Settings } from '../settings/settings.js';
import { redisKeys } from '../store/redis/redis-keys.js';
import type { RedisStore } from '../store/redis/redis-store.js';
import { type BusNews, decodeBusMessage } from './bus-message.js';
import { ClusterFanout } from './cluster-fanout.js';
import { FiguresPublisher } from './figures-publisher.js';
import { FiguresReplica, type FiguresSnapshot } from './figures-replica.js';
import { NodeBus } from './node-bus.js';
import { OwnerCaller, type OwnerReply, remoteOwner, serveOwnerCalls, unavailable } from './owner-calls.js';
import { type OwnerCore, type OwnerCoreDeps, startOwnerCore } from './owner-core.js';
import { countingPeople, PeoplesNodes } from './peoples-nodes.js';
import type { Routing } from './routing.js';
import { RoutingLease } from './routing-lease.js';

export type ClusterNodeDeps = Omit<OwnerCoreDeps, 'fanout' | 'store'> & {
  store: RedisStore;
  registry: ConnectionRegistry;
  settings: Settings;
  /** This node's name (NODE_ID): in the lease, connection references and logs. */
  node: string;
  /** How long the routing lease lasts without renewal (ROUTING_LEASE_MS). */
  leaseMs: number;
  redisUrl: string;
};

/**
 * How long a call waits for the owner. A dead owner is noticed by its lease (calls then fail at
 * once); this only bounds an answer lost on the way. A live owner answers in order, however far
 * behind: after 10,000 visitors starting in one burst it was 20 s behind, and a shorter wait turned
 * calls it was about to answer into errors for clients to send again, adding to the backlog.
 */
const CALL_TIMEOUT_MS = 30_000;

/** Settings are read again this often even when no node said it saved (a word lost while Redis was away). */
const SETTINGS_CATCH_UP_MS = 5_000;

/**
 * One node of several sharing a Redis. Exactly one of them routes at a time: the holder of the
 * routing lease runs the hub and email (an owner core, rebuilt from Redis when it takes over) and
 * answers the others' calls; every node hosts sockets, keeps a copy of the live figures, and
 * delivers the frames the owner publishes to the people connected to it.
 *
 * When routing moves (the owner died, was cut off, or stopped), every node closes the sockets of
 * those who said hello with 1012: they reconnect, to any node, and say hello to the new owner,
 * which has rebuilt the queues and chats from Redis. Waiting visitors keep their place (queue
 * order is creation order), agents keep their chats (the reconnect grace period covers the move),
 * and what was acknowledged is in Redis.
 */
export class ClusterNode implements Routing {
  readonly owner: OwnerApi;
  readonly figures: LiveFigures;
  readonly fanout: ClusterFanout;

  private role: 'owner' | 'follower' | 'none' = 'none';
  /** The epoch of the owner this node works with, or null when it knows of none. */
  private epoch: number | null = null;
  private core: OwnerCore | null = null;
  /** The core's answers for this node's own clients (their hellos counted as this node's). */
  private coreOwner: OwnerApi | null = null;
  /** Resolves with the owner core once this node, as owner, has rebuilt it. */
  private coreReady: Promise<OwnerCore> | null = null;
  private publisher: FiguresPublisher | null = null;
  /** The core's figures while this node routes (its hub's own, exact). */
  private coreFigures: LiveFigures | null = null;
  private loadingFigures = false;
  private readonly replica: FiguresReplica;
  private readonly caller: OwnerCaller;
  private readonly remote: OwnerApi;
  private readonly roomListeners: ((room: string) => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private stopped = false;
  private lastRenewal = 0;
  private lastRedisContact = 0;
  private lastCatchUp = 0;
  private settingsNews = false;
  private redisWasLost = false;
  /** Closes the sockets of those who said hello (set by the app once the transport exists). */
  closeClients: () => void;

  private constructor(
    private readonly deps: ClusterNodeDeps,
    private readonly bus: NodeBus,
    private readonly lease: RoutingLease,
    private readonly log: Logger,
  ) {
    const { registry, node, directory } = deps;
    this.closeClients = () => registry.closeGreeted(CloseCode.SERVICE_RESTART, 'routing moved to another node');
    this.fanout = new ClusterFanout(node, registry, bus, log);
    this.replica = new FiguresReplica(directory);
    this.replica.onRoomChanged((room) => this.roomChanged(room));
    this.caller = new OwnerCaller(node, bus, () => (this.role === 'follower' ? this.epoch : null), Math.max(CALL_TIMEOUT_MS, deps.leaseMs * 2));
    this.remote = remoteOwner(this.caller);
    this.owner = this.delegatingOwner();
    this.figures = this.delegatingFigures();
  }

  static async start(deps: ClusterNodeDeps): Promise<ClusterNode> {
    const log = deps.log.child({ node: deps.node });
    let cluster: ClusterNode | undefined;
    const bus = await NodeBus.connect({
      url: deps.redisUrl,
      prefix: deps.store.prefix,
      node: deps.node,
      log,
      onDown: (error) => cluster?.lostRedis(error),
      onUp: () => cluster?.redisBack(),
    });
    const lease = await RoutingLease.connect({ url: deps.redisUrl, keys: redisKeys(deps.store.prefix), node: deps.node, ms: deps.leaseMs }).catch(
      async (error: unknown) => {
        await bus.close();
        throw error;
      },
    );
    cluster = new ClusterNode(deps, bus, lease, log);
    bus.onAll((message) => cluster.heard(message));
    // Answers to this node's calls (JSON), and frames for people connected here.
    bus.onMine((message) => (message[0] === '{' ? cluster!.caller.answered(JSON.parse(message) as OwnerReply) : cluster!.heard(message)));
    await cluster.tick();
    cluster.schedule();
    return cluster;
  }

  onRoomChanged(listener: (room: string) => void): void {
    this.roomListeners.push(listener);
  }

  settingsChanged(change: SettingsChangeEvent): void {
    this.core?.settingsChanged(change);
    this.replica.settingsChanged();
    // Said once per turn however many records changed; nodes that hear it read the store.
    if (this.settingsNews) return;
    this.settingsNews = true;
    setImmediate(() => {
      this.settingsNews = false;
      this.fanout.news({ k: 'settings' });
    });
  }

  async closeSession(agentId: string, sessionHash: string): Promise<void> {
    this.fanout.news({ k: 'signout', agent: agentId, session: sessionHash });
    await closeAgentSession(this.owner, this.deps.registry, agentId, sessionHash);
  }

  health(): RoutingHealth {
    const now = Date.now();
    if (!this.bus.connected || now - this.lastRedisContact > this.deps.leaseMs * 1.5) return { ok: false, role: this.role, problem: 'Redis cannot be reached' };
    if (this.role === 'none') return { ok: false, role: this.role, problem: 'no node routes at the moment' };
    if (this.role === 'owner' && !this.core) return { ok: false, role: this.role, problem: 'taking routing over' };
    return { ok: true, role: this.role, problem: null };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const epoch = this.epoch;
    const wasOwner = this.role === 'owner';
    await this.letGo('this node is stopping', { closeClients: false });
    // Another node takes routing over at once instead of waiting for the lease to run out.
    if (wasOwner && epoch !== null) await this.lease.release(epoch).catch(() => {});
    await this.lease.close();
    await this.bus.close();
  }

  /**
   * Redis went away. What this node heard from the others may have gaps from now on, and an owner's
   * hub may hold what Redis never took: the owner lets routing go at once (the next one rebuilds
   * from Redis), and every node has its greeted clients reconnect once Redis is back.
   */
  private lostRedis(error: Error): void {
    this.log.error({ err: error }, 'cluster: lost Redis; this node reports unhealthy until it is back');
    this.redisWasLost = true;
    // Clients stay connected meanwhile (refused as "not now"): closed now, they would find no node
    // up and back off for longer than Redis is likely to be away.
    if (this.role === 'owner') void this.letGo('lost Redis', { closeClients: false });
  }

  private redisBack(): void {
    this.log.info('cluster: Redis is back');
    if (!this.redisWasLost) return;
    this.redisWasLost = false;
    // They come back, say hello to whoever routes, and ask for what they missed.
    this.caller.failAll('Redis was away');
    this.replica.forget();
    this.closeClients();
    void this.tick();
  }

  /** Looks at the lease: renews it, takes it, or follows whoever holds it. One look at a time. */
  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      await this.look();
      this.lastRedisContact = Date.now();
      // Not awaited: the store's connection may be seconds behind a burst, and the lease must not wait for it.
      if (Date.now() - this.lastCatchUp > SETTINGS_CATCH_UP_MS) {
        this.lastCatchUp = Date.now();
        this.deps.settings.catchUp().catch((error: unknown) => this.log.debug({ err: error }, 'cluster: could not read the settings; trying again'));
      }
    } catch (error) {
      this.log.debug({ err: error }, 'cluster: could not look at the routing lease');
      // Cut off from Redis: an owner steps down before its lease can have run out, so that it
      // never routes beside a new owner.
      if (this.role === 'owner' && Date.now() - this.lastRenewal > this.deps.leaseMs * 0.75) await this.letGo('Redis cannot be reached');
    } finally {
      this.ticking = false;
    }
  }

  private async look(): Promise<void> {
    if (this.role === 'owner') {
      if (await this.lease.renew(this.epoch!)) this.lastRenewal = Date.now();
      else await this.letGo('another node holds the routing lease');
      return;
    }
    const holder = await this.lease.holder();
    if (!holder) {
      const epoch = await this.lease.tryAcquire();
      if (epoch !== null) await this.takeOver(epoch);
      else if (this.role === 'follower') this.ownerGone();
      return;
    }
    if (holder.node === this.deps.node) {
      // This node's lease from before a restart: it is not routing now, so let it go.
      await this.lease.release(holder.epoch);
      return;
    }
    if (holder.epoch !== this.epoch) this.follow(holder.epoch, holder.node);
    else if (!this.replica.isLoaded) void this.loadFigures(holder.epoch);
  }

  private schedule(): void {
    if (this.stopped) return;
    const every = Math.max(100, this.deps.leaseMs / 4);
    const due = Date.now() + every;
    this.timer = setTimeout(() => {
      // A look that comes late is a lease renewed late: say so, as it is why routing may move.
      const late = Date.now() - due;
      if (late > every) this.log.warn({ lateMs: late, role: this.role }, 'cluster: the lease look ran late (this process was busy)');
      const started = Date.now();
      void this.tick().finally(() => {
        const took = Date.now() - started;
        if (took > every) this.log.warn({ tookMs: took, role: this.role }, 'cluster: the lease look took long (Redis or this process was busy)');
        this.schedule();
      });
    }, every);
    this.timer.unref();
  }

  private async takeOver(epoch: number): Promise<void> {
    this.log.info({ epoch }, 'cluster: this node routes now; rebuilding the queues and chats from Redis');
    this.lastRenewal = Date.now();
    this.moved('routing moved to this node');
    this.role = 'owner';
    this.epoch = epoch;
    this.deps.store.setFence(String(epoch));
    const { registry: _local, settings: _settings, node: _node, leaseMs: _lease, redisUrl: _url, ...coreDeps } = this.deps;
    const ready = startOwnerCore({ ...coreDeps, fanout: this.fanout });
    this.coreReady = ready;
    // Calls are heard from now on, and answered once the core is rebuilt, in the order they came.
    const peoples = new PeoplesNodes();
    this.fanout.peoples = peoples;
    const handle = ready.then((core) =>
      serveOwnerCalls({ owner: core.owner, peoples, extra: { snapshot: async () => this.publisher!.snapshot() }, bus: this.bus, epoch, log: this.log }),
    );
    handle.catch(() => {});
    await this.bus.listenAsOwner((message) => {
      void handle.then(
        (serve) => serve(message),
        () => {},
      );
    });
    try {
      const core = await ready;
      if (this.epoch !== epoch || this.role !== 'owner') {
        await core.stop();
        return;
      }
      this.core = core;
      this.coreOwner = countingPeople(core.owner, peoples, this.deps.node);
      this.coreFigures = hubFigures(core.hub);
      this.publisher = new FiguresPublisher(core, this.deps.directory, (news) => this.fanout.news(news));
      core.signals.onQueueChanged((room) => this.roomChanged(room));
      core.signals.onReadyAgentsChanged((room) => this.roomChanged(room));
      for (const room of this.deps.directory.rooms()) this.roomChanged(room.name);
      this.fanout.news({ k: 'epoch', epoch, node: this.deps.node });
      this.log.info({ epoch }, 'cluster: routing is ready');
    } catch (error) {
      this.log.error({ err: error }, 'cluster: could not take routing over');
      await this.letGo('taking routing over failed');
    }
  }

  private follow(epoch: number, node: string): void {
    this.log.info({ epoch, owner: node }, 'cluster: another node routes');
    this.moved('routing moved to another node');
    this.role = 'follower';
    this.epoch = epoch;
    void this.loadFigures(epoch);
  }

  /**
   * The owner's lease ran out and another node took it in the same instant: until this node
   * follows the new one (at its next look), calls fail at once rather than wait for a dead owner.
   */
  private ownerGone(): void {
    this.role = 'none';
    this.epoch = null;
    this.caller.failAll('the routing node went away');
  }

  /** What changes whenever the owner does: calls in flight fail, greeted clients reconnect, the figures start afresh. */
  private moved(why: string): void {
    this.caller.failAll(why);
    this.replica.forget();
    this.closeClients();
  }

  private async letGo(why: string, options = { closeClients: true }): Promise<void> {
    if (this.role === 'none' && !this.coreReady) return;
    this.log.warn({ epoch: this.epoch, why }, 'cluster: this node no longer routes');
    const ready = this.coreReady;
    this.role = 'none';
    this.epoch = null;
    this.core = null;
    this.coreOwner = null;
    this.coreFigures = null;
    this.coreReady = null;
    this.publisher?.stop();
    this.publisher = null;
    this.fanout.peoples = null;
    this.deps.store.setFence(null);
    await this.bus.stopListeningAsOwner();
    if (ready) await ready.then((core) => core.stop()).catch(() => {});
    this.caller.failAll(why);
    this.replica.forget();
    if (options.closeClients) this.closeClients();
  }

  private async loadFigures(epoch: number): Promise<void> {
    if (this.loadingFigures) return;
    this.loadingFigures = true;
    try {
      const snapshot = (await this.caller.call('snapshot', [])) as FiguresSnapshot;
      if (this.epoch === epoch && this.role === 'follower') this.replica.load(snapshot);
    } catch (error) {
      this.log.debug({ err: error }, 'cluster: could not load the figures yet; trying again');
    } finally {
      this.loadingFigures = false;
    }
  }

  private heard(message: string): void {
    const heard = decodeBusMessage(message);
    if (heard.from === this.deps.node) return;
    const { registry } = this.deps;
    if (heard.kind === 'news') this.news(heard.news);
    else if (heard.kind === 'visitor') registry.toVisitorJson(heard.to, heard.json, heard.skip);
    else if (heard.kind === 'agents') registry.toAgentsRaw(heard.to, heard.json);
    else registry.toAgentJson(heard.to, heard.json, heard.skip);
  }

  private news(news: BusNews): void {
    const { registry, settings } = this.deps;
    switch (news.k) {
      case 'close':
        return registry.closeAgent(news.agent, news.which);
      case 'signout':
        void closeAgentSession(this.owner, registry, news.agent, news.session).catch((error: unknown) =>
          this.log.warn({ err: error }, 'cluster: could not sign a session out here'),
        );
        return;
      case 'status':
        if (this.role === 'follower') this.replica.status(news.agent, news.statuses);
        return;
      case 'room':
        if (this.role === 'follower') this.replica.room(news.room, news.waiting, news.add, news.remove);
        return;
      case 'settings':
        void settings.catchUp().catch((error: unknown) => this.log.warn({ err: error }, 'cluster: could not read the new settings'));
        return;
      case 'epoch':
        // Another node took routing over: look at the lease now rather than at the next tick.
        if (news.epoch !== this.epoch) void this.tick();
        return;
    }
  }

  private roomChanged(room: string): void {
    for (const listener of this.roomListeners) listener(room);
  }

  /** The owner's answers: this process's core while it routes (once rebuilt), else the owner's over the bus. */
  private delegatingOwner(): OwnerApi {
    const current = async (): Promise<OwnerApi> => {
      if (this.role === 'owner') {
        if (!this.coreReady) throw unavailable('routing is moving');
        await this.coreReady;
        if (!this.coreOwner) throw unavailable('routing is moving');
        return this.coreOwner;
      }
      return this.remote;
    };
    return new Proxy({} as OwnerApi, {
      get:
        (_target, method: keyof OwnerApi) =>
        (...args: unknown[]) => {
          // The owner's own calls go straight to its core, in the same turn (no promise before a message's store write).
          if (this.coreOwner && this.role === 'owner') return (this.coreOwner[method] as (...a: unknown[]) => Promise<unknown>)(...args);
          return current().then((owner) => (owner[method] as (...a: unknown[]) => Promise<unknown>)(...args));
        },
    });
  }

  private delegatingFigures(): LiveFigures {
    const current = (): LiveFigures => (this.role === 'owner' && this.coreFigures) || this.replica;
    return {
      facts: (room) => current().facts(room),
      isReady: (agentId, room) => current().isReady(agentId, room),
      statsSummary: (room) => current().statsSummary(room),
      statsDetails: (room) => current().statsDetails(room),
      statuses: (agentId) => current().statuses(agentId),
      oldestWaitingSince: (room) => current().oldestWaitingSince(room),
    };
  }
}
