import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadProcess } from '../load/load-process.js';
import type { Target } from '../load/target.js';
import { launchServer, type RunningServer } from '../systems/launch.js';
import { launchCluster, type RunningCluster } from '../systems/launch-cluster.js';
import { writeParleyConfig } from '../systems/parley-config.js';
import { CLUSTER_NODES, clusterNodeSpec, REPO_ROOT, SYSTEMS, type SystemId, serverSpec } from '../systems/systems.js';
import type { RunContext } from './scenario.js';

/** Agents in every Parley run's config: 1,000 for routing plus one probe agent. */
const CONFIGURED_AGENTS = 1001;
/** Chats an agent may hold: 1,000 agents take 10,000 visitors without ending chats. */
export const AGENT_CAPACITY = 10;

export type SystemRun = { server: RunningServer; load: LoadProcess; target: Target };

/**
 * One run of one scenario against one system: a fresh temporary folder and config, the server on
 * its core, the load generator on the other, and everything stopped and removed afterwards, even
 * when the run fails.
 */
export async function withSystem<R>(
  context: RunContext,
  system: SystemId,
  scenario: string,
  options: { recovery?: boolean },
  body: (run: SystemRun) => Promise<R>,
): Promise<R> {
  const folder = mkdtempSync(join(tmpdir(), `parley-bench-${scenario}-`));
  const { path: configPath, agents } = writeParleyConfig(folder, CONFIGURED_AGENTS, AGENT_CAPACITY);
  const specOptions = {
    folder,
    configPath,
    builds: context.builds,
    ...(options.recovery ? { recovery: true } : {}),
    ...(context.profileDir ? { profileDir: context.profileDir } : {}),
    ...(context.beforeRoot ? { beforeRoot: context.beforeRoot } : {}),
  };
  let server: RunningServer | null = null;
  let load: LoadProcess | null = null;
  try {
    const nodes = CLUSTER_NODES[system];
    server = nodes
      ? await launchCluster({
          count: nodes,
          core: context.pinning.server,
          dir: join(folder, 'redis'),
          spec: (node, redisUrl) => clusterNodeSpec(specOptions, node, redisUrl),
        })
      : await launchServer(serverSpec(system, specOptions), context.pinning.server);
    const wanted = system === 'parley-ws' || system === 'parley-ws-before' ? 'ws' : SYSTEMS[system].dialect === 'parley' ? 'uws' : undefined;
    // Parley falls back to ws when the uWS binary does not load: that would not be the system named.
    if (wanted && server.ready.transport !== wanted) throw new Error(`${system} runs on ${server.ready.transport}, not ${wanted}`);
    load = await LoadProcess.start(context.pinning.load, scenario);
    const base = `127.0.0.1:${server.port}`;
    const agentBase = `127.0.0.1:${'agentPort' in server ? (server as RunningCluster).agentPort : server.port}`;
    const target: Target = {
      dialect: SYSTEMS[system].dialect,
      http: `http://${base}`,
      ws: `ws://${base}`,
      agentHttp: `http://${agentBase}`,
      agentWs: `ws://${agentBase}`,
      ...(SYSTEMS[system].dialect === 'parley' ? { agents } : {}),
    };
    return await body({ server, load, target });
  } catch (error) {
    const output = server?.output().trim();
    if (output && error instanceof Error) {
      // The whole output goes to a file (a cluster's nodes say a lot); the message keeps its end.
      const saved = join(REPO_ROOT, 'bench/results', `failed-${scenario}-${system}-${Date.now()}.log`);
      writeFileSync(saved, output);
      error.message += `\n--- server output (all of it in ${saved}) ---\n${output.slice(-3000)}`;
    }
    throw error;
  } finally {
    await load?.stop();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
