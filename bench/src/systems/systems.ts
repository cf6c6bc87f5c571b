import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerSpec } from './launch.js';

/**
 * The systems a scenario runs against: Parley on either transport, and the two baselines.
 * `parley-before` and `parley-ws-before` are Parley from another tree (`--before`), to measure a
 * change before and after in the same run.
 */
export type SystemId = 'parley-uws' | 'parley-ws' | 'raw-uws' | 'socketio' | 'parley-before' | 'parley-ws-before';

/** How the load generator talks to a system. */
export type Dialect = 'parley' | 'raw' | 'socketio';

export const SYSTEMS: Record<SystemId, { label: string; dialect: Dialect }> = {
  'parley-uws': { label: 'Parley (uWebSockets.js)', dialect: 'parley' },
  'raw-uws': { label: 'raw uWebSockets.js', dialect: 'raw' },
  socketio: { label: 'Socket.IO', dialect: 'socketio' },
  'parley-ws': { label: 'Parley (ws)', dialect: 'parley' },
  'parley-before': { label: 'Parley (uWS) before the change', dialect: 'parley' },
  'parley-ws-before': { label: 'Parley (ws) before the change', dialect: 'parley' },
};

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BENCH_SRC = fileURLToPath(new URL('../', import.meta.url));
const PROBE = join(BENCH_SRC, 'systems/memory-probe.ts');

export type SpecOptions = {
  /** The run's temporary folder (journal, config). */
  folder: string;
  /** Parley's rooms-and-agents file. */
  configPath: string;
  /** Socket.IO: turn on connection state recovery (the reconnect storm). */
  recovery?: boolean;
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  profileDir?: string;
  /** `parley-before`: the root of the other tree. */
  beforeRoot?: string;
};

/** Node flags every server gets: GC on demand for the memory probe, and the probe itself. */
function nodeFlags(options: SpecOptions): string[] {
  const flags = ['--expose-gc', '--import', 'tsx', '--import', PROBE];
  if (options.profileDir) flags.unshift('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`);
  return flags;
}

/**
 * Parley runs as `npm start` runs it (`node --import tsx server/src/main.ts`; tsx transforms the
 * sources once at load time), with the embedded store (memory plus journal with group commit),
 * as in production. Rate limits are raised so that one load generator on one address is not
 * throttled; the limiter's code still runs on every frame.
 */
function parleyEnv(transport: 'uws' | 'ws', options: SpecOptions): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    TRANSPORT: transport,
    STORE: 'embedded',
    DATA_DIR: join(options.folder, 'data'),
    JOURNAL_SYNC: 'write',
    PARLEY_CONFIG: options.configPath,
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    RATE_MESSAGES_PER_SECOND: '1000000',
    RATE_MESSAGES_BURST: '1000000',
    RATE_TYPING_PER_SECOND: '1000000',
    RATE_TYPING_BURST: '1000000',
    RATE_CONNECTIONS_PER_MINUTE: '10000000',
    RATE_CONNECTIONS_BURST: '10000000',
    VISITOR_RECONNECT_GRACE_SECONDS: '3600',
    AGENT_RECONNECT_GRACE_SECONDS: '3600',
  };
}

export function serverSpec(system: SystemId, options: SpecOptions): ServerSpec {
  const flags = nodeFlags(options);
  switch (system) {
    case 'parley-uws':
    case 'parley-ws':
      return { args: [...flags, 'server/src/main.ts'], env: parleyEnv(system === 'parley-uws' ? 'uws' : 'ws', options), cwd: REPO_ROOT };
    case 'parley-before':
    case 'parley-ws-before':
      if (!options.beforeRoot) throw new Error(`${system} needs --before=<folder with an earlier tree of the repository>`);
      return {
        args: [...flags, join(options.beforeRoot, 'server/src/main.ts')],
        env: parleyEnv(system === 'parley-before' ? 'uws' : 'ws', options),
        cwd: options.beforeRoot,
      };
    case 'raw-uws':
      return { args: [...flags, join(BENCH_SRC, 'systems/raw-uws-server.ts')], env: { PORT: '0', HOST: '127.0.0.1' }, cwd: REPO_ROOT };
    case 'socketio':
      return {
        args: [...flags, join(BENCH_SRC, 'systems/socketio-server.ts')],
        env: { PORT: '0', HOST: '127.0.0.1', SIO_RECOVERY: options.recovery ? '1' : '0' },
        cwd: REPO_ROOT,
      };
  }
}
