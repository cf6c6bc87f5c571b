import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import type { Metrics } from '../core/metrics.js';
import { openEmbeddedStore } from './embedded-store.js';
import { openRedisStore } from './redis/redis-store.js';
import type { Store } from './store.js';

/** Picks the store from `STORE`. A journal that cannot be written stops the server: see onFailure. */
export function createStore(
  env: Pick<Env, 'STORE' | 'DATA_DIR' | 'JOURNAL_SYNC' | 'JOURNAL_ROLL_BYTES' | 'REDIS_URL' | 'REDIS_PREFIX'>,
  log: Logger,
  onFailure: (error: Error) => void,
  metrics?: Metrics,
): Promise<Store> {
  if (env.STORE === 'memory') return openEmbeddedStore();
  if (env.STORE === 'redis') {
    return openRedisStore({
      url: env.REDIS_URL!,
      prefix: env.REDIS_PREFIX,
      onDown: (error) => log.error({ err: error }, 'redis: connection lost; retrying (writes are refused meanwhile)'),
      onUp: () => log.info('redis: connected again'),
    });
  }
  return openEmbeddedStore({
    dataDir: env.DATA_DIR,
    sync: env.JOURNAL_SYNC,
    rollBytes: env.JOURNAL_ROLL_BYTES,
    warn: (message) => log.warn({ dataDir: env.DATA_DIR }, message),
    onFailure,
    ...(metrics ? { metrics } : {}),
  });
}
