import { createClient } from 'redis';
import { fmt, kib, label, limitSide, medianOf, ratioOf, runNotes, sig, spread, systemsIn, table, times } from '../report/summarize.js';
import type { RunningCluster } from '../systems/launch-cluster.js';
import { AGENT_CAPACITY, withSystem } from './run-system.js';
import { check, type Metrics, type Scenario } from './scenario.js';

type Latency = { count: number; p50: number; p99: number; max: number };
type WindowResult = {
  rate: number;
  serverCpuPerUnitUs: number;
  serverUtil: number;
  loadUtil: number;
  latency: Latency;
  lost: number;
  outOfOrder: number;
  errors: number;
  firstError: string;
};
type Level = { queued: number; arrival: Latency; freedPerDecision: Latency };
type BurstResult = { drained: boolean; accepted: number; visitors: number; drainMs: number; answerLatency: Latency; otherErrors: number; firstError: string };

const FULL = {
  pairs: 100,
  inFlight: 5,
  rate: 2_000,
  warmupMs: 1000,
  measureMs: 5000,
  agents: 1000,
  visitors: 10_000,
  levels: [1000],
  samples: 200,
  timeoutMs: 180_000,
};
const SMOKE = { pairs: 4, inFlight: 2, rate: 200, warmupMs: 100, measureMs: 400, agents: 3, visitors: 30, levels: [10], samples: 5, timeoutMs: 20_000 };

/** Redis's own count of the memory it uses for data, and the messages it holds (summed over every conversation's list). */
async function redisFigures(url: string): Promise<{ usedMemory: number; messages: number }> {
  const client = createClient({ url });
  await client.connect();
  try {
    const info = (await client.sendCommand(['INFO', 'memory'])) as string;
    const usedMemory = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
    let messages = 0;
    let cursor = '0';
    do {
      const [next, keys] = (await client.sendCommand(['SCAN', cursor, 'MATCH', 'bench:msgs:*', 'COUNT', '1000'])) as [string, string[]];
      cursor = next;
      for (const key of keys) messages += Number(await client.sendCommand(['LLEN', key]));
    } while (cursor !== '0');
    return { usedMemory, messages };
  } finally {
    await client.close();
  }
}

const INTRO =
  "Against Parley with its embedded store, Parley on Redis (one node), and three nodes sharing Redis: visitors connect to one node, agents to another, and the third holds the routing lease, so every message and every routing decision crosses nodes (two pub/sub hops and the owner's Redis writes). Redis runs with its append-only file and `appendfsync everysec` (docs/scale-out.md). **On this machine's two cores the three nodes and Redis share the server's core**: these are ratios of cost, not the capacity of three machines.";

const SYSTEMS_COMPARED = ['parley-uws', 'parley-redis', 'parley-cluster'] as const;

/** The relay of section 1 across nodes, and what Redis holds per stored message. */
export const clusterRelayScenario: Scenario = {
  name: 'cluster-relay',
  title: 'Several nodes on Redis: relay',
  systems: [...SYSTEMS_COMPARED],

  async run(context, system) {
    const p = context.smoke ? SMOKE : FULL;
    return withSystem(context, system, 'cluster-relay', {}, async ({ server, load, target }) => {
      const redisUrl = 'redis' in server ? (server as RunningCluster).redis.url : null;
      const notes: string[] = [];
      const before = redisUrl ? await redisFigures(redisUrl) : null;
      await load.call('setup', { target, pairs: p.pairs });
      const closed = await load.call<WindowResult>('closedLoop', {
        inFlight: p.inFlight,
        warmupMs: p.warmupMs,
        measureMs: p.measureMs,
        serverPid: server.pids,
      });
      const fixed = await load.call<WindowResult>('fixedRate', { rate: p.rate, warmupMs: p.warmupMs, measureMs: p.measureMs, serverPid: server.pids });
      await load.call('close', {});
      for (const [name, result] of [
        ['closed loop', closed],
        ['fixed rate', fixed],
      ] as const) {
        if (result.lost || result.outOfOrder || result.errors) {
          notes.push(`${name}: ${result.lost} lost, ${result.outOfOrder} out of order, ${result.errors} errors ${result.firstError}`);
        }
      }
      const metrics: Metrics = {
        throughput: closed.rate,
        cpuPerMsgUs: closed.serverCpuPerUnitUs,
        serverUtil: closed.serverUtil,
        loadUtil: closed.loadUtil,
        fixedP50: fixed.latency.p50,
        fixedP99: fixed.latency.p99,
        fixedCpuPerMsgUs: fixed.serverCpuPerUnitUs,
        lost: closed.lost + fixed.lost,
      };
      if (redisUrl && before) {
        const after = await redisFigures(redisUrl);
        metrics.storedMessages = after.messages - before.messages;
        metrics.bytesPerMessage = (after.usedMemory - before.usedMemory) / Math.max(1, metrics.storedMessages);
      }
      return { metrics, notes };
    });
  },

  report(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const base = 'parley-uws';
    const rows = systemsIn(runs).map((system) => [
      label(system),
      fmt(medianOf(runs, system, 'throughput')),
      times(ratioOf(runs, system, base, 'throughput')),
      sig(medianOf(runs, system, 'cpuPerMsgUs')),
      times(1 / ratioOf(runs, system, base, 'cpuPerMsgUs')),
      `${sig(medianOf(runs, system, 'fixedP50'))} / ${sig(medianOf(runs, system, 'fixedP99'))}`,
      limitSide(medianOf(runs, system, 'serverUtil'), medianOf(runs, system, 'loadUtil')),
      spread(runs, system, 'throughput', (v) => fmt(v)),
    ]);
    const memory = systemsIn(runs)
      .filter((system) => system !== base)
      .map((system) => [label(system), `${fmt(medianOf(runs, system, 'bytesPerMessage'))} B`, fmt(medianOf(runs, system, 'storedMessages'))]);
    return [
      INTRO,
      '',
      `Section 1's relay: ${p.pairs} pairs, closed loop (${p.inFlight} each way per pair) for throughput and CPU per message (every server process, Redis included); then ${fmt(p.rate)} messages/s in total, a rate every system holds, for send-to-delivery latency.`,
      '',
      table(
        [
          'System',
          'Delivered msg/s',
          '× embedded',
          'Server CPU µs/msg',
          'Messages per CPU-second × embedded',
          `p50 / p99 ms at ${fmt(p.rate)}/s`,
          'Limit',
          'Runs (msg/s)',
        ],
        rows,
      ),
      '',
      'Redis memory (its `used_memory`) per stored message over the run: a list entry with the message (about 100 characters of text) and a client-id hash field.',
      '',
      table(['System', 'Per stored message', 'Messages stored'], memory),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs) {
    const crossP99 = medianOf(runs, 'parley-cluster', 'fixedP99');
    return [check('cross-node relay p99 < 15 ms at a fixed rate the box holds', `${sig(crossP99)} ms at ${fmt(FULL.rate)} msg/s`, crossP99, (v) => v < 15)];
  },
};

/** Section 3's routing across nodes, and what Redis holds per idle session. */
export const clusterRoutingScenario: Scenario = {
  name: 'cluster-routing',
  title: 'Several nodes on Redis: routing',
  systems: [...SYSTEMS_COMPARED],

  async run(context, system) {
    const p = context.smoke ? SMOKE : FULL;
    return withSystem(context, system, 'cluster-routing', {}, async ({ server, load, target }) => {
      const redisUrl = 'redis' in server ? (server as RunningCluster).redis.url : null;
      const notes: string[] = [];
      const metrics: Metrics = {};
      const before = redisUrl ? await redisFigures(redisUrl) : null;
      const setup = await load.call<{ agents: number; visitors: number }>('setup', { target, agents: p.agents, visitors: p.visitors }, 600_000);
      if (redisUrl && before) {
        // Each visitor's hello made a session, each agent's sign-in another: nothing else is stored yet.
        const after = await redisFigures(redisUrl);
        metrics.bytesPerSession = (after.usedMemory - before.usedMemory) / (setup.visitors + setup.agents + 1);
      }
      const burst = await load.call<BurstResult>('burst', { serverPid: server.pids, timeoutMs: p.timeoutMs }, p.timeoutMs + 30_000);
      const cost = await load.call<{ levels: Level[] }>(
        'decisionCost',
        { target, levels: p.levels, samples: p.samples, capacity: AGENT_CAPACITY, fillConcurrency: 50, serverPid: server.pids },
        600_000,
      );
      await load.call('close', {});
      if (!burst.drained) notes.push(`queue not drained: ${burst.accepted} of ${burst.visitors} accepted`);
      if (burst.otherErrors) notes.push(`${burst.otherErrors} unexpected errors (${burst.firstError})`);
      const level = cost.levels[0]!;
      Object.assign(metrics, {
        drainMs: burst.drainMs,
        answerP99: burst.answerLatency.p99,
        queued: level.queued,
        arrivalP50: level.arrival.p50,
        arrivalP99: level.arrival.p99,
        freedP50: level.freedPerDecision.p50,
        freedP99: level.freedPerDecision.p99,
      });
      return { metrics, notes };
    });
  },

  report(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const rows = systemsIn(runs).map((system) => [
      label(system),
      `${sig(medianOf(runs, system, 'arrivalP50'))} / ${sig(medianOf(runs, system, 'arrivalP99'))}`,
      `${sig(medianOf(runs, system, 'freedP50'))} / ${sig(medianOf(runs, system, 'freedP99'))}`,
      fmt(medianOf(runs, system, 'drainMs') / 1000, 2),
      'bytesPerSession' in (runs.find((run) => run.system === system)?.metrics ?? {}) ? kib(medianOf(runs, system, 'bytesPerSession')) : '–',
      spread(runs, system, 'arrivalP99'),
    ]);
    return [
      INTRO,
      '',
      `Section 3's routing: ${fmt(p.agents)} agents (capacity ${AGENT_CAPACITY} each) and ${fmt(p.visitors)} visitors starting at once (*drained*: every chat accepted), then one decision at a time with ${fmt(p.levels[0]!)} more waiting: a new visitor's \`start\` until its answer (*arrival*), and a probe agent going ready until each of the ${AGENT_CAPACITY} offers it gets (*agent frees up*), network round trips included; ${p.samples} samples each. Redis memory per idle session: \`used_memory\` over the setup, in which each visitor's hello and each agent's sign-in made one.`,
      '',
      table(
        [
          'System',
          'Arrival p50 / p99 ms',
          'Agent frees up: ms per decision p50 / p99',
          'Burst drained after s',
          'Redis per idle session',
          'Runs (arrival p99)',
        ],
        rows,
      ),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs) {
    const arrival = medianOf(runs, 'parley-cluster', 'arrivalP99');
    const freed = medianOf(runs, 'parley-cluster', 'freedP99');
    return [
      check(
        'routing decision p99 across nodes < 10 ms (1,000 agents, 10,000 visitors)',
        `${sig(Math.max(arrival, freed))} ms at worst (arrival ${sig(arrival)}, agent frees up ${sig(freed)})`,
        Math.max(arrival, freed),
        (v) => v < 10,
      ),
    ];
  },
};
