import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigFile } from '@parley/shared/settings';
import pino from 'pino';
import { type RunningParley, startParley } from '../../../server/src/app.js';
import type { Clock } from '../../../server/src/core/clock.js';
import { Metrics } from '../../../server/src/core/metrics.js';
import { openEmbeddedStore } from '../../../server/src/store/embedded-store.js';
import { openRedisStore } from '../../../server/src/store/redis/redis-store.js';
import type { Store } from '../../../server/src/store/store.js';
import { testConfig } from './test-config.js';

export type TestServer = RunningParley & {
  http: string;
  ws: string;
  /** The server's store, for tests that look at what it holds (the email outbox). */
  store: Store;
  /** The embedded store's data folder, or null (memory, Redis). */
  dataDir: string | null;
  /** Drains and removes the data folder. */
  stop(): Promise<void>;
};

export type TestServerOptions = {
  transport: 'uws' | 'ws';
  store?: 'memory' | 'embedded';
  env?: Record<string, string>;
  file?: ConfigFile;
  dataDir?: string;
  clock?: Clock;
  /** A node of a cluster: the Redis store at this URL and key prefix, under this node name. */
  redis?: { url: string; prefix: string; node: string; leaseMs?: number };
};

/**
 * A real Parley on a random loopback port, in this process, on the given transport and store.
 * With `dataDir` the embedded store uses that folder and leaves it in place (a restart finds it);
 * with `clock` the server and the store's replay run on it.
 */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const ownDataDir = options.store === 'embedded' && !options.dataDir ? mkdtempSync(join(tmpdir(), 'parley-test-')) : undefined;
  const dataDir = options.dataDir ?? ownDataDir;
  const redis = options.redis;
  const cluster: Record<string, string> = redis
    ? { STORE: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, NODE_ID: redis.node, ROUTING_LEASE_MS: String(redis.leaseMs ?? 2000) }
    : {};
  const config = testConfig({ TRANSPORT: options.transport, ...cluster, ...options.env }, options.file);
  const clock = options.clock;
  const metrics = new Metrics();
  const store = redis
    ? await openRedisStore({ url: redis.url, prefix: redis.prefix })
    : await openEmbeddedStore({ ...(dataDir ? { dataDir } : {}), ...(clock ? { now: () => clock.now() } : {}), metrics });
  const running = await startParley({ config, store, log: pino({ level: 'silent' }), metrics, ...(clock ? { clock } : {}) });
  return {
    ...running,
    http: `http://127.0.0.1:${running.port}`,
    ws: `ws://127.0.0.1:${running.port}`,
    store,
    dataDir: redis ? null : (dataDir ?? null),
    async stop() {
      await running.drain();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
