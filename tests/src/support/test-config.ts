import { ConfigFile } from '@parley/shared/settings';
import { Env } from '../../../server/src/config/env.js';
import type { ServerConfig } from '../../../server/src/config/load-config.js';

/** Passwords of the test agents; their hashes below were made with `npm run hash-password`. */
export const TEST_PASSWORD = 'parley-demo';
const HASH = 'scrypt$32768$8$1$LzTP7ecfxUkfMbDD8l0miw$6ZgmujXGYiuiR8sPKA5uUx27RmVn-G06IWU4R1RptBs';

export const STATS_KEY = 'integration-stats-key-0001';
/** For test configs of their own (the widget's rooms). */
export const TEST_PASSWORD_HASH = HASH;

/** Two rooms, three agents: enough for races, sticky and mobile cases over real sockets. */
export const testFile = ConfigFile.parse({
  rooms: [
    {
      name: 'GENERAL',
      label: 'General',
      statsKey: STATS_KEY,
      offerTimeoutSeconds: 30,
      welcomeForm: [
        { key: 'name', type: 'text', label: 'Name' },
        { key: 'email', type: 'email', label: 'Email' },
        { key: 'order', type: 'text', label: 'Order number' },
      ],
    },
    { name: 'SALES', label: 'Sales', routing: 'sticky', statsKey: STATS_KEY, visitorAttachments: false },
  ],
  agents: [
    { id: 'alice@test.parley', name: 'Alice', passwordHash: HASH, rooms: ['GENERAL', 'SALES'] },
    { id: 'bob@test.parley', name: 'Bob', passwordHash: HASH, rooms: ['GENERAL'] },
    { id: 'carol@test.parley', name: 'Carol', passwordHash: HASH, rooms: ['SALES'] },
  ],
  admins: [{ id: 'admin@test.parley', name: 'Ada', passwordHash: HASH }],
});

/** Server settings for a test: random port, loopback, the given transport; rate limits high and no disk reserve unless a test sets them. */
export function testConfig(overrides: Record<string, string> = {}, file: ConfigFile = testFile): ServerConfig {
  const env = Env.parse({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    RATE_MESSAGES_PER_SECOND: '1000',
    RATE_MESSAGES_BURST: '1000',
    RATE_CONNECTIONS_PER_MINUTE: '100000',
    RATE_CONNECTIONS_BURST: '10000',
    UPLOADS_PER_MINUTE: '1000',
    // The disk this runs on may be nearly full; the reserve has its own test.
    DISK_RESERVE_BYTES: '0',
    ...overrides,
  });
  return { env, file, configPath: '(tests)', publicUrl: 'http://127.0.0.1' };
}
