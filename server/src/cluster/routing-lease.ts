import { LuaScript } from '../store/redis/lua-script.js';
import { connectRedis, type RedisClient } from '../store/redis/redis-client.js';
import type { RedisKeys } from '../store/redis/redis-keys.js';

/**
 * Takes the lease if nobody holds it: the epoch goes up by one (the fencing token the new owner's
 * writes carry) and the lease names this node and that epoch. KEYS: lease, epoch. ARGV: node, ms.
 */
const ACQUIRE = new LuaScript(`if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local epoch = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. epoch, 'PX', ARGV[2])
return epoch`);

/** Extends the lease if this node still holds it at this epoch. KEYS: lease. ARGV: 'node epoch', ms. */
const RENEW = new LuaScript(`if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`);

/** Lets the lease go if this node holds it (a clean stop: another node takes over at once). */
const RELEASE = new LuaScript(`if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`);

export type LeaseHolder = { node: string; epoch: number };

/**
 * The routing lease: one key in Redis, held by one node at a time for `ms`, renewed well before it
 * runs out. Whoever holds it routes; when its holder dies or is cut off, the key expires and the
 * next node to try takes it with a new epoch.
 *
 * It has a connection of its own: behind the thousands of publishes a busy owner queues on its bus
 * connection, a renewal would arrive after the lease ran out, and a live owner would lose routing
 * to a node that thought it dead (seen at 11,000 sign-ins in a burst).
 */
export class RoutingLease {
  private constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly node: string,
    readonly ms: number,
  ) {}

  static async connect(options: { url: string; keys: RedisKeys; node: string; ms: number }): Promise<RoutingLease> {
    // A renewal answered after the lease ran out is no renewal: give up on it well before.
    const client = await connectRedis({ url: options.url, name: `parley-lease-${options.node}`, commandTimeoutMs: Math.max(100, options.ms / 2) });
    return new RoutingLease(client, options.keys, options.node, options.ms);
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => {});
  }

  /** The new epoch if this node took the lease, else null. */
  async tryAcquire(): Promise<number | null> {
    const epoch = await ACQUIRE.run<number>(this.client, [this.keys.routingLease, this.keys.routingEpoch], [this.node, this.ms]);
    return epoch > 0 ? epoch : null;
  }

  /** True if this node still held the lease at `epoch` and now holds it `ms` longer. */
  async renew(epoch: number): Promise<boolean> {
    return (await RENEW.run<number>(this.client, [this.keys.routingLease], [`${this.node} ${epoch}`, this.ms])) === 1;
  }

  async release(epoch: number): Promise<void> {
    await RELEASE.run(this.client, [this.keys.routingLease], [`${this.node} ${epoch}`]);
  }

  async holder(): Promise<LeaseHolder | null> {
    const value = (await this.client.sendCommand(['GET', this.keys.routingLease])) as string | null;
    if (value === null) return null;
    const [node, epoch] = value.split(' ');
    return { node: node!, epoch: Number(epoch) };
  }
}
