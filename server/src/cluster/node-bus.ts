import type { Logger } from 'pino';
import { connectRedis, type RedisClient } from '../store/redis/redis-client.js';
import { PublishBatches, unbatch } from './publish-batches.js';

type Handler = (message: string) => void;

/**
 * The nodes' channels on Redis pub/sub: one every node hears (`all`), one only the routing owner
 * hears (`owner`), and one per node for answers (`node:<id>`). Everything a node publishes goes
 * through one connection, gathered per turn into batches that keep each listener's order
 * (publish-batches.ts), so what it sent in one order arrives everywhere in that order (an answer
 * to a hello before the offers that follow it), and everything it hears comes through another, in
 * the order Redis took it.
 *
 * Pub/sub keeps nothing: a node that is cut off misses what was said meanwhile. Nothing durable
 * travels here (messages are in the store before anyone hears of them); what travels is news that
 * a node rebuilds from the store or the owner when it is back.
 */
export class NodeBus {
  private readonly handlers = new Map<string, Handler>();
  private readonly batches: PublishBatches;

  private constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly channels: { all: string; owner: string; mine: string; prefix: string },
    private readonly log: Logger,
  ) {
    this.batches = new PublishBatches(channels, (channel, payload) => this.publisher.sendCommand(['PUBLISH', channel, payload]));
  }

  static async connect(options: {
    url: string;
    prefix: string;
    node: string;
    log: Logger;
    onDown?: (error: Error) => void;
    onUp?: () => void;
  }): Promise<NodeBus> {
    const { url, prefix, node, log } = options;
    // Down when either connection drops, up again once both are back.
    const down = new Set<string>();
    const onDown = (which: string) => (error: Error) => {
      if (down.size === 0) options.onDown?.(error);
      down.add(which);
    };
    const onUp = (which: string) => () => {
      if (!down.delete(which) || down.size > 0) return;
      options.onUp?.();
    };
    const publisher = await connectRedis({ url, name: `parley-bus-${node}`, onDown: onDown('publisher'), onUp: onUp('publisher') });
    const subscriber = await connectRedis({ url, name: `parley-sub-${node}`, onDown: onDown('subscriber'), onUp: onUp('subscriber') });
    const bus = new NodeBus(publisher, subscriber, { all: `${prefix}bus:all`, owner: `${prefix}bus:owner`, mine: `${prefix}bus:node:${node}`, prefix }, log);
    const listener = (payload: string, channel: string) => {
      const handler = bus.handlers.get(channel);
      if (!handler) return;
      for (const message of unbatch(payload)) {
        try {
          handler(message);
        } catch (error) {
          log.error({ err: error, channel }, 'cluster: a bus message could not be handled');
        }
      }
    };
    await subscriber.subscribe([bus.channels.all, bus.channels.mine], listener);
    bus.listener = listener;
    return bus;
  }

  private listener: ((message: string, channel: string) => void) | null = null;

  /** Both connections are up: this node can reach the others. */
  get connected(): boolean {
    return this.publisher.isReady && this.subscriber.isReady;
  }

  onAll(handler: Handler): void {
    this.handlers.set(this.channels.all, handler);
  }

  onMine(handler: Handler): void {
    this.handlers.set(this.channels.mine, handler);
  }

  /** Starts hearing calls to the owner (this node now routes). */
  async listenAsOwner(handler: Handler): Promise<void> {
    this.handlers.set(this.channels.owner, handler);
    await this.subscriber.subscribe(this.channels.owner, this.listener!);
  }

  /** Stops hearing calls to the owner. */
  async stopListeningAsOwner(): Promise<void> {
    this.handlers.delete(this.channels.owner);
    if (this.subscriber.isReady) await this.subscriber.unsubscribe(this.channels.owner).catch(() => {});
  }

  toAll(message: string): Promise<void> {
    return this.publish(this.channels.all, message);
  }

  toOwner(message: string): Promise<void> {
    return this.publish(this.channels.owner, message);
  }

  toNode(node: string, message: string): Promise<void> {
    return this.publish(`${this.channels.prefix}bus:node:${node}`, message);
  }

  /** Resolves once Redis took it (with what else was said this turn); rejects while Redis cannot be reached. */
  private publish(channel: string, message: string): Promise<void> {
    return this.batches.publish(channel, message);
  }

  async close(): Promise<void> {
    for (const client of [this.subscriber, this.publisher]) {
      if (client.isOpen) await client.close().catch((error: unknown) => this.log.debug({ err: error }, 'cluster: closing a bus connection failed'));
    }
  }
}
