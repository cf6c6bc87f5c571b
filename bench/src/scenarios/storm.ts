import { beforeAfter, fmt, label, limitSide, medianOf, runNotes, sig, spread, systemsIn, table } from '../report/summarize.js';
import { withSystem } from './run-system.js';
import { check, type Scenario } from './scenario.js';

const FULL = { agents: 500, visitors: 5000, concurrency: 256, timeoutMs: 120_000 };
const SMOKE = { agents: 2, visitors: 10, concurrency: 4, timeoutMs: 20_000 };

type StormResult = {
  serverCpuPerUnitUs: number;
  serverUtil: number;
  loadUtil: number;
  visitors: number;
  resumed: number;
  all: boolean;
  allResumedMs: number;
  resumeTimes: { p50: number; p99: number; max: number };
  lost: number;
  failed: number;
  firstFailure: string;
  serverCpuSeconds: number;
};

/** 5. Reconnect storm: visitors in conversations drop at once and resume; nothing may be lost. */
export const stormScenario: Scenario = {
  name: 'storm',
  title: 'Reconnect storm: 5,000 visitors drop at once and resume',
  systems: ['parley-uws', 'raw-uws', 'socketio', 'parley-ws'],

  async run(context, system) {
    const p = context.smoke ? SMOKE : FULL;
    return withSystem(context, system, 'storm', { recovery: true }, async ({ server, load, target }) => {
      await load.call('setup', { target, agents: p.agents, visitors: p.visitors }, 600_000);
      const result = await load.call<StormResult>(
        'storm',
        { target, serverPid: server.pid, timeoutMs: p.timeoutMs, concurrency: p.concurrency },
        p.timeoutMs + 60_000,
      );
      await load.call('close', {});
      const notes: string[] = [];
      if (!result.all) notes.push(`${result.visitors - result.resumed} visitors did not resume`);
      if (result.lost) notes.push(`${result.lost} lost (a visitor without every message after resuming, or not resumed)`);
      if (result.failed) notes.push(`${result.failed} reconnects failed (${result.firstFailure})`);
      return {
        notes,
        metrics: {
          allResumedMs: result.allResumedMs,
          p50: result.resumeTimes.p50,
          p99: result.resumeTimes.p99,
          resumed: result.resumed,
          lost: result.lost,
          failed: result.failed,
          cpuPerVisitorUs: result.serverCpuPerUnitUs,
          serverCpuSeconds: result.serverCpuSeconds,
          serverUtil: result.serverUtil,
          loadUtil: result.loadUtil,
        },
      };
    });
  },

  report(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const rows = systemsIn(runs).map((system) => [
      label(system),
      sig(medianOf(runs, system, 'allResumedMs') / 1000),
      `${sig(medianOf(runs, system, 'p50'))} / ${sig(medianOf(runs, system, 'p99'))}`,
      `${fmt(medianOf(runs, system, 'resumed'))} / ${fmt(medianOf(runs, system, 'lost'))}`,
      sig(medianOf(runs, system, 'cpuPerVisitorUs')),
      limitSide(medianOf(runs, system, 'serverUtil'), medianOf(runs, system, 'loadUtil')),
      spread(runs, system, 'allResumedMs', (v) => sig(v / 1000)),
    ]);
    return [
      `${fmt(p.visitors)} visitors in conversations with ${fmt(p.agents)} agents (one message each way already exchanged) lose their connections at once (TCP reset). While they are away each agent sends each of its visitors a message. Then they all reconnect, ${p.concurrency} handshakes in flight at a time (the servers' listen backlogs hold about 512 pending connections; past that the kernel drops SYNs and clients retry after a second, which would measure the kernel's retry timer, the same for every system). Resumed: Parley — hello with the same token, \`sync\` from the last seq seen, and every message up to the conversation's last seq held (the one sent while away included); Socket.IO — connection state recovery on (session id and offset), and the missed message replayed; raw uWS — reconnected and one hello round trip (it has no store, so nothing to resume: the floor for the connections alone). Lost: a visitor that did not end up with every message.`,
      '',
      table(
        ['System', 'All resumed after s', 'Resumed after p50 / p99 ms', 'Resumed / lost', 'Server CPU µs per visitor', 'Limit', 'Runs (all resumed, s)'],
        rows,
      ),
      beforeAfter(runs, [
        { key: 'allResumedMs', name: 'all resumed ms', format: sig },
        { key: 'cpuPerVisitorUs', name: 'CPU µs/visitor', format: sig },
      ]),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const parley = runs.filter((run) => run.system === 'parley-uws');
    const lost = parley.reduce((sum, run) => sum + (run.metrics ? run.metrics.lost! + (p.visitors - run.metrics.resumed!) : p.visitors), 0);
    return [
      check(
        `all ${fmt(p.visitors)} resume, nothing lost (every run)`,
        `${lost} lost or not resumed over ${parley.length} runs; all resumed after ${sig(medianOf(runs, 'parley-uws', 'allResumedMs') / 1000)} s`,
        parley.length ? lost : NaN,
        (v) => v === 0,
      ),
    ];
  },
};
