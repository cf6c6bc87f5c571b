import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type MachineInfo, machineInfo } from './machine/machine-info.js';
import { choosePinning, type Pinning } from './machine/pinning.js';
import { clusterRelayScenario, clusterRoutingScenario } from './scenarios/cluster.js';
import { failoverScenario } from './scenarios/failover.js';
import { idleScenario } from './scenarios/idle.js';
import { relayScenario } from './scenarios/relay.js';
import { routingScenario } from './scenarios/routing.js';
import type { RunContext, RunRecord, Scenario } from './scenarios/scenario.js';
import { statsScenario } from './scenarios/stats.js';
import { stormScenario } from './scenarios/storm.js';
import { buildServers } from './systems/build-servers.js';
import { REPO_ROOT, type SystemId } from './systems/systems.js';

export const SCENARIOS: Scenario[] = [
  relayScenario,
  idleScenario,
  routingScenario,
  statsScenario,
  stormScenario,
  clusterRelayScenario,
  clusterRoutingScenario,
  failoverScenario,
];

export type BenchOptions = {
  smoke: boolean;
  runs: number;
  /** Scenario names to run (all when empty). */
  only: string[];
  /** Systems to run (each scenario's own list when empty). */
  systems: SystemId[];
  profileDir?: string;
  /** An earlier tree of the repository: adds `parley-before` (`parley-ws-before`) after `parley-uws` (`parley-ws`) in every scenario. */
  beforeRoot?: string;
  /** Runs not started by then are skipped (and say so), so the whole run stays bounded. */
  budgetMs: number;
  /** Run Parley and the baselines from their TypeScript sources with tsx instead of bundles. */
  tsx: boolean;
  log: (line: string) => void;
};

export type BenchResult = {
  machine: MachineInfo;
  pinning: Pinning;
  startedAt: string;
  seconds: number;
  runs: number;
  smoke: boolean;
  /** How the servers ran: bundled by esbuild, or from sources with tsx. */
  servers: 'bundled' | 'tsx';
  scenarios: { scenario: Scenario; runs: RunRecord[] }[];
};

/**
 * Runs each scenario against its systems, alternating them (A B C, A B C, …) so that a machine
 * that gets busier or quieter during the run affects every system alike.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const pinning = choosePinning(!options.smoke);
  // Inside the repository, so that the bundles find node_modules; one folder per run of the bench.
  const buildDir = join(REPO_ROOT, 'bench/results', `build-${process.pid}`);
  mkdirSync(buildDir, { recursive: true });
  const builds = options.tsx ? null : await buildServers(REPO_ROOT, buildDir, options.beforeRoot);
  const context: RunContext = {
    builds,
    pinning,
    smoke: options.smoke,
    log: options.log,
    ...(options.profileDir ? { profileDir: options.profileDir } : {}),
    ...(options.beforeRoot ? { beforeRoot: options.beforeRoot } : {}),
  };
  const result: BenchResult = {
    machine: machineInfo(),
    pinning,
    startedAt: new Date().toISOString(),
    seconds: 0,
    runs: options.runs,
    smoke: options.smoke,
    servers: builds ? 'bundled' : 'tsx',
    scenarios: [],
  };
  const chosen = SCENARIOS.filter((s) => options.only.length === 0 || options.only.includes(s.name));

  for (const scenario of chosen) {
    const systems = scenario.systems
      .flatMap((s): SystemId[] =>
        options.beforeRoot && s === 'parley-uws' ? [s, 'parley-before'] : options.beforeRoot && s === 'parley-ws' ? [s, 'parley-ws-before'] : [s],
      )
      .filter((s) => options.systems.length === 0 || options.systems.includes(s));
    const runs: RunRecord[] = [];
    for (let run = 1; run <= options.runs; run++) {
      for (const system of systems) {
        const record: RunRecord = { system, run, notes: [] };
        runs.push(record);
        if (performance.now() - started > options.budgetMs) {
          record.error = 'skipped: the time budget of the whole run was used up';
          continue;
        }
        const t = performance.now();
        try {
          const { metrics, notes } = await scenario.run(context, system);
          record.metrics = metrics;
          record.notes = notes;
        } catch (error) {
          record.error = (error as Error).message;
        }
        options.log(
          `${scenario.name} ${system} run ${run}: ${record.error ? `FAILED ${record.error.split('\n')[0]}` : 'ok'} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
        );
      }
    }
    result.scenarios.push({ scenario, runs });
  }
  rmSync(buildDir, { recursive: true, force: true });
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
