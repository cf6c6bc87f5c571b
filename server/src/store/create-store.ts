import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { openEmbeddedStore } from './embedded-store.js';
import type { Store } from './store.js';

/** Picks the store from `STORE`. A journal that cannot be written stops the server: see onFailure. */
export function createStore(env: Pick<Env, 'STORE' | 'DATA_DIR' | 'JOURNAL_SYNC'>, log: Logger, onFailure: (error: Error) => void): Promise<Store> {
  if (env.STORE === 'memory') return openEmbeddedStore();
  return openEmbeddedStore({
    dataDir: env.DATA_DIR,
    sync: env.JOURNAL_SYNC,
    warn: (message) => log.warn({ dataDir: env.DATA_DIR }, message),
    onFailure,
  });
}
