import { createClient, RESP_TYPES, type RedisClientType } from 'redis';

/** One connection to Redis (node-redis), as Parley uses it: raw commands, Lua, pub/sub on duplicates. */
export type RedisClient = RedisClientType;

export type RedisConnectOptions = {
  url: string;
  /** Who this connection is, in Redis's CLIENT LIST (`parley-store`, `parley-bus`…). */
  name: string;
  /** Reported once when the connection drops and once when it is back, not on every retry. */
  onDown?: (error: Error) => void;
  onUp?: () => void;
  /** How long a command may wait for its answer (default 30 s, below). */
  commandTimeoutMs?: number;
};

/** Replies read as bytes (file contents), not as text. */
export const AS_BUFFER = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } } as const;

/**
 * How long a command may wait for Redis while the connection is up. node-redis gives up after 5 s,
 * which a burst reaches on a busy machine (10,000 visitors starting at once queued that much on
 * the owner's connection): every command given up was a client told to send again, adding to the
 * queue it was waiting in. A live Redis answers in order; a dead one is noticed at once (below).
 */
const COMMAND_TIMEOUT_MS = 30_000;

/**
 * Opens a connection. While Redis is unreachable, commands fail at once instead of waiting in a
 * queue (`disableOfflineQueue`): the caller answers with a retryable error rather than holding a
 * frame it may never store. Reconnection is retried every 100 ms to 1 s, so the node is back
 * within a second of Redis.
 */
export async function connectRedis(options: RedisConnectOptions): Promise<RedisClient> {
  const client = createClient({
    url: options.url,
    name: options.name,
    disableOfflineQueue: true,
    commandOptions: { timeout: options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS },
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * (retries + 1), 1_000) },
  }) as RedisClient;
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.onDown?.(error);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    options.onUp?.();
  });
  await client.connect();
  return client;
}
