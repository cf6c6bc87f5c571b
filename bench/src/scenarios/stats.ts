import { beforeAfter, fmt, label, limitSide, medianOf, ratioOf, runNotes, sig, spread, systemsIn, table, times } from '../report/summarize.js';
import { BENCH_ROOM } from '../systems/parley-config.js';
import { withSystem } from './run-system.js';
import { check, type Scenario } from './scenario.js';

const FULL = { agents: 100, pollers: 50, changesPerSecond: 1000, warmupMs: 1000, measureMs: 5000 };
const SMOKE = { agents: 3, pollers: 4, changesPerSecond: 50, warmupMs: 100, measureMs: 400 };

type PollResult = {
  rate: number;
  serverCpuPerUnitUs: number;
  serverUtil: number;
  loadUtil: number;
  otherCores: number;
  requests: number;
  changesPerSecond: number;
  latency: { p50: number; p99: number };
  bad: number;
  firstBad: string;
  errors: number;
};

/**
 * 4. Statistics endpoint: concurrent pollers on the summary while agents change status.
 * Parley serves `GET /api/rooms/BENCH/stats`; the baselines serve the same JSON from `/stats`
 * (raw uWS: precomputed and reserialised once per change; Socket.IO's node:http server, likewise).
 */
export const statsScenario: Scenario = {
  name: 'stats',
  title: 'Statistics endpoint under pollers while agents change status',
  systems: ['parley-uws', 'raw-uws', 'socketio', 'parley-ws'],

  async run(context, system) {
    const p = context.smoke ? SMOKE : FULL;
    return withSystem(context, system, 'stats', {}, async ({ server, load, target }) => {
      await load.call('setup', { target, agents: p.agents });
      const path = target.dialect === 'parley' ? `/api/rooms/${BENCH_ROOM}/stats` : '/stats';
      const result = await load.call<PollResult>('poll', {
        target,
        path,
        pollers: p.pollers,
        changesPerSecond: p.changesPerSecond,
        warmupMs: p.warmupMs,
        measureMs: p.measureMs,
        serverPid: server.pid,
      });
      await load.call('close', {});
      const notes: string[] = [];
      if (result.bad) notes.push(`${result.bad} wrong answers (${result.firstBad})`);
      if (result.errors) notes.push(`${result.errors} connection errors`);
      return {
        notes,
        metrics: {
          rps: result.rate,
          cpuPerRequestUs: result.serverCpuPerUnitUs,
          p50: result.latency.p50,
          p99: result.latency.p99,
          serverUtil: result.serverUtil,
          loadUtil: result.loadUtil,
          otherCores: result.otherCores,
          changesPerSecond: result.changesPerSecond,
          bad: result.bad,
          errors: result.errors,
        },
      };
    });
  },

  report(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const rows = systemsIn(runs).map((system) => [
      label(system),
      fmt(medianOf(runs, system, 'rps')),
      times(ratioOf(runs, system, 'raw-uws', 'rps')),
      sig(medianOf(runs, system, 'cpuPerRequestUs')),
      times(ratioOf(runs, system, 'raw-uws', 'cpuPerRequestUs')),
      `${sig(medianOf(runs, system, 'p50'))} / ${sig(medianOf(runs, system, 'p99'))}`,
      fmt(medianOf(runs, system, 'changesPerSecond')),
      limitSide(medianOf(runs, system, 'serverUtil'), medianOf(runs, system, 'loadUtil')),
      spread(runs, system, 'rps', (v) => fmt(v)),
    ]);
    return [
      `${p.pollers} keep-alive HTTP/1.1 connections each asking for the room summary again as soon as the answer arrives; meanwhile ${p.agents} agents switch between ready and break, ${fmt(p.changesPerSecond)} changes/s in total, so the JSON is rebuilt about that often. Every 50th answer is parsed and its counts checked. Window ${p.measureMs / 1000} s after ${p.warmupMs / 1000} s of warm-up. Server CPU per request includes handling the status changes (the same load for every system).`,
      '',
      table(
        ['System', 'Requests/s', '× raw uWS', 'Server CPU µs/request', '× raw uWS', 'p50 / p99 ms', 'Status changes/s', 'Limit', 'Runs (requests/s)'],
        rows,
      ),
      beforeAfter(runs, [
        { key: 'rps', name: 'requests/s', format: (v) => fmt(v) },
        { key: 'cpuPerRequestUs', name: 'CPU µs/request', format: sig },
      ]),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs) {
    const byRate = ratioOf(runs, 'parley-uws', 'raw-uws', 'rps');
    const byCpu = 1 / ratioOf(runs, 'parley-uws', 'raw-uws', 'cpuPerRequestUs');
    return [
      check(
        '≥ 0.5× raw uWS precomputed JSON (by requests/s and by server CPU per request)',
        `${times(byRate)} by requests/s, ${times(byCpu)} by CPU/request`,
        Math.min(byRate, byCpu),
        (v) => v >= 0.5,
      ),
    ];
  },
};
