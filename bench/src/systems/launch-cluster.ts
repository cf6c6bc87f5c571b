import { RedisServerProcess } from '../../../server/src/store/redis/redis-server-process.js';
import { launchServer, type RunningServer, type ServerSpec } from './launch.js';

export type RunningCluster = RunningServer & {
  redis: RedisServerProcess;
  nodes: RunningServer[];
  /** Where visitors connect, and where agents do: two different nodes when there are several. */
  visitorPort: number;
  agentPort: number;
  /** The routing owner (the node started first takes the lease). */
  owner: RunningServer;
};

/**
 * Parley on Redis: a redis-server (append-only file, fsync every second, as docs/scale-out.md
 * recommends) and `count` nodes, all on the server's core (two cores here: the nodes share it, and
 * the load generator has the other). The first node starts alone and takes the routing lease; with
 * three nodes, visitors connect to the second and agents to the third, so every message crosses
 * nodes and goes through the owner.
 */
export async function launchCluster(options: {
  count: number;
  core: string | null;
  dir: string;
  spec: (node: string, redisUrl: string) => ServerSpec;
}): Promise<RunningCluster> {
  const redis = await RedisServerProcess.start({ dir: options.dir, appendfsync: 'everysec', core: options.core });
  const nodes: RunningServer[] = [];
  try {
    for (let i = 1; i <= options.count; i++) nodes.push(await launchServer(options.spec(`node-${i}`, redis.url), options.core));
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    await redis.stop();
    throw error;
  }
  const owner = nodes[0]!;
  const visitors = nodes[Math.min(1, nodes.length - 1)]!;
  const agents = nodes[Math.min(2, nodes.length - 1)]!;
  return {
    ...visitors,
    pids: [...nodes.map((node) => node.pid), ...(redis.pid ? [redis.pid] : [])],
    redis,
    nodes,
    owner,
    visitorPort: visitors.port,
    agentPort: agents.port,
    output: () => nodes.map((node, i) => `--- node-${i + 1} ---\n${node.output()}`).join('\n'),
    async stop() {
      await Promise.all(nodes.map((node) => node.stop()));
      await redis.stop();
    },
  };
}
