import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startParley, type RunningParley } from '../../../server/src/app.js';
import type { Clock } from '../../../server/src/hub/clock.js';
import type { ConfigFile } from '../../../server/src/config/config-file.js';
import { openEmbeddedStore } from '../../../server/src/store/embedded-store.js';
import type { Store } from '../../../server/src/store/store.js';
import { testConfig } from './test-config.js';

export type TestServer = RunningParley & {
  http: string;
  ws: string;
  /** The server's store, for tests that look at what it holds (the email outbox). */
  store: Store;
  /** Drains and removes the data folder. */
  stop(): Promise<void>;
};

/**
 * A real Parley on a random loopback port, in this process, on the given transport and store.
 * With `dataDir` the embedded store uses that folder and leaves it in place (a restart finds it);
 * with `clock` the server and the store's replay run on it.
 */
export async function startTestServer(options: {
  transport: 'uws' | 'ws';
  store?: 'memory' | 'embedded';
  env?: Record<string, string>;
  file?: ConfigFile;
  dataDir?: string;
  clock?: Clock;
}): Promise<TestServer> {
  const ownDataDir = options.store === 'embedded' && !options.dataDir ? mkdtempSync(join(tmpdir(), 'parley-test-')) : undefined;
  const dataDir = options.dataDir ?? ownDataDir;
  const config = testConfig({ TRANSPORT: options.transport, ...options.env }, options.file);
  const clock = options.clock;
  const store = await openEmbeddedStore({ ...(dataDir ? { dataDir } : {}), ...(clock ? { now: () => clock.now() } : {}) });
  const running = await startParley({ config, store, log: pino({ level: 'silent' }), ...(clock ? { clock } : {}) });
  return {
    ...running,
    http: `http://127.0.0.1:${running.port}`,
    ws: `ws://127.0.0.1:${running.port}`,
    store,
    async stop() {
      await running.drain();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
