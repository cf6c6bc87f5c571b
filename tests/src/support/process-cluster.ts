import { HaproxyProcess } from '../../../demo/src/cluster/haproxy-process.js';
import { freshPrefix } from '../../../server/src/store/contract/test-redis.js';
import { freePort, type RedisServerProcess } from '../../../server/src/store/redis/redis-server-process.js';
import { type SpawnedServer, serverFolder, spawnServer } from './spawned-server.js';

export type ClusterNodeProcess = SpawnedServer & { name: string; port: number };

export type ProcessCluster = {
  nodes: ClusterNodeProcess[];
  proxy: HaproxyProcess;
  /** Where clients connect: HAProxy. */
  http: string;
  ws: string;
  /** The node that routes now (asked of each live node's /healthz). */
  owner(): Promise<ClusterNodeProcess | null>;
  stop(): Promise<void>;
};

type Health = { status: string; role: string };

export async function healthOf(node: { http: string }): Promise<Health | null> {
  try {
    return (await (await fetch(`${node.http}/healthz`)).json()) as Health;
  } catch {
    return null;
  }
}

/**
 * Parley nodes as separate processes (so one can be killed with SIGKILL) on one Redis, behind a
 * real HAProxy, with the test configuration. Nodes alternate transports.
 */
export async function startProcessCluster(redis: RedisServerProcess, count = 3): Promise<ProcessCluster> {
  const prefix = freshPrefix();
  const { dataDir, configPath } = serverFolder();
  const nodes = await Promise.all(
    Array.from({ length: count }, async (_, i): Promise<ClusterNodeProcess> => {
      const name = `node-${i + 1}`;
      const server = await spawnServer({
        transport: i % 2 === 0 ? 'uws' : 'ws',
        dataDir,
        configPath,
        env: {
          STORE: 'redis',
          REDIS_URL: redis.url,
          REDIS_PREFIX: prefix,
          NODE_ID: name,
          ROUTING_LEASE_MS: '2000',
          RATE_CONNECTIONS_PER_MINUTE: '100000',
          TRUST_PROXY: 'true',
        },
      });
      return { ...server, name, port: Number(new URL(server.http).port) };
    }),
  );
  const killNodes = () =>
    Promise.all(
      nodes.map(async (node) => {
        if (node.process.exitCode === null && node.process.signalCode === null) node.process.kill('SIGKILL');
        await node.exited;
      }),
    );
  let proxy: HaproxyProcess;
  try {
    proxy = await HaproxyProcess.start({ port: await freePort(), nodes: nodes.map(({ name, port }) => ({ name, port })) });
  } catch (error) {
    await killNodes();
    throw error;
  }
  const cluster: ProcessCluster = {
    nodes,
    proxy,
    http: `http://127.0.0.1:${proxy.port}`,
    ws: `ws://127.0.0.1:${proxy.port}`,
    async owner() {
      for (const node of nodes) {
        if (node.process.exitCode !== null || node.process.signalCode !== null) continue;
        if ((await healthOf(node))?.role === 'owner') return node;
      }
      return null;
    },
    async stop() {
      await proxy.stop();
      await killNodes();
    },
  };
  // Every node healthy, and HAProxy sees them so.
  const until = Date.now() + 20_000;
  for (;;) {
    const healths = await Promise.all(nodes.map(healthOf));
    const proxied = await healthOf(cluster);
    if (healths.every((health) => health?.status === 'ok') && proxied?.status === 'ok') break;
    if (Date.now() > until) {
      await cluster.stop();
      throw new Error(`the cluster did not become healthy: ${JSON.stringify(healths)}\n${nodes.map((n) => n.output()).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return cluster;
}
