import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from './in-process-server.js';

export const TRANSPORTS = ['uws', 'ws'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** Runs `suite` once per transport, titled "<title> over uws" and "<title> over ws". */
export function overTransports(title: string, suite: (transport: TransportName) => void): void {
  describe.each(TRANSPORTS)(`${title} over %s`, suite);
}

/**
 * A real server on the suite's transport, started before each test (or once for the suite) and
 * drained after it. Call the returned function in a test for the current one.
 */
export function serverPerTest(
  transport: TransportName,
  options: Omit<TestServerOptions, 'transport'> = {},
  scope: 'test' | 'suite' = 'test',
): () => TestServer {
  let server: TestServer | null = null;
  const [before, after] = scope === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    server = await startTestServer({ transport, ...options });
  });
  after(async () => {
    await server?.stop();
    server = null;
  });
  return () => {
    if (!server) throw new Error('the server runs only while a test does');
    return server;
  };
}

/** For tests that start servers themselves (several, or with their own settings): each one is drained after the test. */
export function serversPerTest(transport: TransportName): (options?: Omit<TestServerOptions, 'transport'>) => Promise<TestServer> {
  const started: TestServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.stop();
  });
  return async (options = {}) => {
    const server = await startTestServer({ transport, ...options });
    started.push(server);
    return server;
  };
}
