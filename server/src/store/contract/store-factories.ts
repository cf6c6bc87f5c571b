import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openEmbeddedStore } from '../embedded-store.js';
import { openRedisStore } from '../redis/redis-store.js';
import type { Store } from '../store.js';
import type { StoreFactory } from './store-factory.js';
import { freshPrefix, sharedTestRedisUrl } from './test-redis.js';

/**
 * Every store the contract suites check. The embedded store runs in two modes: with a journal in a
 * data folder (`STORE=embedded`, the default) and without one (`STORE=memory`, nothing survives a
 * restart); the Redis store against a real redis-server, each place under its own key prefix. A
 * new store is one more entry here.
 */
const openRedisStores: Store[] = [];
afterAll(async () => {
  await Promise.all(openRedisStores.splice(0).map((store) => store.close()));
});

export const storeFactories: StoreFactory[] = [
  {
    name: 'embedded, journal (STORE=embedded)',
    durable: true,
    sessionExpiry: 'sweep',
    place() {
      const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
      return { open: (options = {}) => openEmbeddedStore({ dataDir, ...options }) };
    },
  },
  {
    // Every change starts a compaction (one at a time): ended conversations are read back from the
    // history database and open ones from snapshots, while the suites write.
    name: 'embedded, journal compacted after every change (JOURNAL_ROLL_BYTES=1)',
    durable: true,
    sessionExpiry: 'sweep',
    place() {
      const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
      return { open: (options = {}) => openEmbeddedStore({ dataDir, rollBytes: 1, ...options }) };
    },
  },
  {
    name: 'embedded, memory only (STORE=memory)',
    durable: false,
    sessionExpiry: 'sweep',
    place: () => ({ open: (options = {}) => openEmbeddedStore(options) }),
  },
  {
    name: 'redis (STORE=redis)',
    durable: true,
    sessionExpiry: 'ttl',
    place() {
      const prefix = freshPrefix();
      return {
        async open() {
          const store = await openRedisStore({ url: sharedTestRedisUrl(), prefix });
          openRedisStores.push(store);
          return store;
        },
      };
    },
  },
];
