import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Builds } from './build-servers.js';
import type { ServerSpec } from './launch.js';

/**
 * The systems a scenario runs against: Parley on either transport, and the two baselines.
 * `parley-before` and `parley-ws-before` are Parley from another tree (`--before`), to measure a
 * change before and after in the same run.
 */
export type SystemId = 'parley-uws' | 'parley-ws' | 'raw-uws' | 'socketio' | 'parley-before' | 'parley-ws-before' | 'parley-redis' | 'parley-cluster';

/** How the load generator talks to a system. */
export type Dialect = 'parley' | 'raw' | 'socketio';

export const SYSTEMS: Record<SystemId, { label: string; dialect: Dialect }> = {
  'parley-uws': { label: 'Parley (uWebSockets.js)', dialect: 'parley' },
  'raw-uws': { label: 'raw uWebSockets.js', dialect: 'raw' },
  socketio: { label: 'Socket.IO', dialect: 'socketio' },
  'parley-ws': { label: 'Parley (ws)', dialect: 'parley' },
  'parley-before': { label: 'Parley (uWS) before the change', dialect: 'parley' },
  'parley-ws-before': { label: 'Parley (ws) before the change', dialect: 'parley' },
  'parley-redis': { label: 'Parley on Redis, one node', dialect: 'parley' },
  'parley-cluster': { label: 'Parley on Redis, three nodes', dialect: 'parley' },
};

/** Systems of several processes: Parley nodes on a redis-server of their own (launch-cluster.ts). */
export const CLUSTER_NODES: Partial<Record<SystemId, number>> = { 'parley-redis': 1, 'parley-cluster': 3 };

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BENCH_SRC = fileURLToPath(new URL('../', import.meta.url));

export type SpecOptions = {
  /** The run's temporary folder (journal, config). */
  folder: string;
  /** Parley's rooms-and-agents file. */
  configPath: string;
  /** The bundled servers (build-servers.ts); null: run from the TypeScript sources with tsx. */
  builds: Builds | null;
  /** Socket.IO: turn on connection state recovery (the reconnect storm). */
  recovery?: boolean;
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  profileDir?: string;
  /** `parley-before` from sources (with tsx): the root of the other tree. */
  beforeRoot?: string;
};

type Program = 'parley' | 'parleyBefore' | 'raw' | 'socketio';

const SOURCES: Record<Program, (options: SpecOptions) => string> = {
  parley: () => join(REPO_ROOT, 'server/src/main.ts'),
  parleyBefore: (options) => {
    if (!options.beforeRoot) throw new Error('parley-before needs --before=<folder with an earlier tree of the repository>');
    return join(options.beforeRoot, 'server/src/main.ts');
  },
  raw: () => join(BENCH_SRC, 'systems/raw-uws-server.ts'),
  socketio: () => join(BENCH_SRC, 'systems/socketio-server.ts'),
};

/** `node` arguments for a program: the bundle (with the bundled memory probe), or the sources under tsx. */
function nodeArgs(program: Program, options: SpecOptions): string[] {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  if (!options.builds) return [...profile, '--import', 'tsx', '--import', join(BENCH_SRC, 'systems/memory-probe.ts'), SOURCES[program](options)];
  const bundle = options.builds[program];
  if (!bundle) throw new Error(`no build of ${program} (parley-before needs --before)`);
  return [...profile, '--import', options.builds.probe, bundle];
}

/**
 * Parley runs with the embedded store (memory plus journal with group commit), as in production. Rate limits are raised so that one load generator on one address is not
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

/** One node of a Parley cluster on Redis (uWebSockets.js), with the same limits as the one-node runs. */
export function clusterNodeSpec(options: SpecOptions, node: string, redisUrl: string): ServerSpec {
  return {
    args: nodeArgs('parley', options),
    env: { ...parleyEnv('uws', options), STORE: 'redis', REDIS_URL: redisUrl, REDIS_PREFIX: 'bench:', NODE_ID: node },
    cwd: REPO_ROOT,
  };
}

export function serverSpec(system: SystemId, options: SpecOptions): ServerSpec {
  switch (system) {
    case 'parley-redis':
    case 'parley-cluster':
      throw new Error(`${system} runs several processes: see launch-cluster.ts`);
    case 'parley-uws':
    case 'parley-ws':
      return { args: nodeArgs('parley', options), env: parleyEnv(system === 'parley-uws' ? 'uws' : 'ws', options), cwd: REPO_ROOT };
    case 'parley-before':
    case 'parley-ws-before':
      return {
        args: nodeArgs('parleyBefore', options),
        env: parleyEnv(system === 'parley-before' ? 'uws' : 'ws', options),
        cwd: options.beforeRoot ?? REPO_ROOT,
      };
    case 'raw-uws':
      return { args: nodeArgs('raw', options), env: { PORT: '0', HOST: '127.0.0.1' }, cwd: REPO_ROOT };
    case 'socketio':
      return { args: nodeArgs('socketio', options), env: { PORT: '0', HOST: '127.0.0.1', SIO_RECOVERY: options.recovery ? '1' : '0' }, cwd: REPO_ROOT };
  }
}
