import type { Store } from '../store.js';
import { connectRedis, type RedisClient } from './redis-client.js';
import { redisConversations, redisMessages } from './redis-conversations.js';
import { redisKeys } from './redis-keys.js';
import { redisLimits } from './redis-limits.js';
import { redisOutbox } from './redis-outbox.js';
import { redisFiles, redisPreferences, redisSessions } from './redis-sessions.js';
import { redisAudit, redisSettings } from './redis-settings.js';
import { refusingWhenUnavailable } from './unavailable-errors.js';

export type RedisStoreOptions = {
  url: string;
  /** Every key starts with it (default `parley:`). */
  prefix?: string;
  onDown?: (error: Error) => void;
  onUp?: () => void;
};

/** The Redis store, with what the cluster needs beside the roles: its connection and the fence. */
export type RedisStore = Store & {
  readonly client: RedisClient;
  readonly prefix: string;
  /**
   * While this node owns routing, its epoch: conversation writes carry it, and Redis refuses them
   * once another node has taken the lease. Null on a node that does not route.
   */
  setFence(epoch: string | null): void;
};

export function isRedisStore(store: Store): store is RedisStore {
  return store.kind === 'redis';
}

/**
 * `STORE=redis`: every role in one Redis, shared by every node. An acknowledgement means Redis has
 * the write (it answered); what Redis promises after that depends on its append-only file: see
 * docs/scale-out.md.
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<RedisStore> {
  const prefix = options.prefix ?? 'parley:';
  const keys = redisKeys(prefix);
  const client = await connectRedis({ url: options.url, name: 'parley-store', onDown: options.onDown, onUp: options.onUp });
  let fence: string | null = null;
  return {
    kind: 'redis',
    client,
    prefix,
    setFence: (epoch) => {
      fence = epoch;
    },
    conversations: refusingWhenUnavailable(redisConversations(client, keys, () => fence)),
    messages: refusingWhenUnavailable(redisMessages(client, keys)),
    sessions: refusingWhenUnavailable(redisSessions(client, keys)),
    files: refusingWhenUnavailable(redisFiles(client, keys)),
    outbox: refusingWhenUnavailable(redisOutbox(client, keys)),
    preferences: refusingWhenUnavailable(redisPreferences(client, keys)),
    settings: refusingWhenUnavailable(redisSettings(client, keys)),
    audit: refusingWhenUnavailable(redisAudit(client, keys)),
    limits: refusingWhenUnavailable(redisLimits(client, keys)),
    diskBytes: async () => null,
    diskFree: async () => null,
    maintenance: null,
    async close() {
      // Every reply is in: Redis has what it acknowledged.
      if (client.isOpen) await client.close();
    },
  };
}
