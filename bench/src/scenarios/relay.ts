import { beforeAfter, fmt, label, limitSide, medianOf, ratioOf, runNotes, sig, spread, systemsIn, table, times } from '../report/summarize.js';
import type { SystemId } from '../systems/systems.js';
import { withSystem } from './run-system.js';
import { check, type Metrics, type RunRecord, type Scenario } from './scenario.js';

type Latency = { count: number; p50: number; p99: number; max: number };
type WindowResult = {
  rate: number;
  serverCpuPerUnitUs: number;
  serverUtil: number;
  loadUtil: number;
  otherCores: number;
  delivered: number;
  latency: Latency;
  lost: number;
  acks: number;
  errors: number;
  outOfOrder: number;
  firstError: string;
  behind?: number;
};

const FULL = { pairs: 100, inFlight: 5, rate: 10_000, warmupMs: 1000, measureMs: 5000 };
const SMOKE = { pairs: 4, inFlight: 2, rate: 400, warmupMs: 100, measureMs: 400 };

/**
 * 1. Relay: N visitor/agent pairs in conversations, messages both ways. Closed loop (each side
 * keeps `inFlight` messages on their way) for throughput and CPU per message; then an open loop at
 * a fixed total rate for send-to-delivery latency.
 */
export const relayScenario: Scenario = {
  name: 'relay',
  title: 'Relay: visitor/agent pairs in conversations',
  systems: ['parley-uws', 'raw-uws', 'socketio', 'parley-ws'],

  async run(context, system) {
    const p = context.smoke ? SMOKE : FULL;
    return withSystem(context, system, 'relay', {}, async ({ server, load, target }) => {
      await load.call('setup', { target, pairs: p.pairs });
      const closed = await load.call<WindowResult>('closedLoop', { inFlight: p.inFlight, warmupMs: p.warmupMs, measureMs: p.measureMs, serverPid: server.pid });
      const fixed = await load.call<WindowResult>('fixedRate', { rate: p.rate, warmupMs: p.warmupMs, measureMs: p.measureMs, serverPid: server.pid });
      await load.call('close', {});
      const notes: string[] = [];
      for (const [name, result] of [
        ['closed loop', closed],
        ['fixed rate', fixed],
      ] as const) {
        if (result.lost || result.outOfOrder || result.errors) {
          notes.push(`${name}: ${result.lost} lost, ${result.outOfOrder} out of order, ${result.errors} errors ${result.firstError}`);
        }
      }
      if (fixed.behind) notes.push(`fixed rate: fell more than a second behind ${fixed.behind} times`);
      const metrics: Metrics = {
        throughput: closed.rate,
        cpuPerMsgUs: closed.serverCpuPerUnitUs,
        serverUtil: closed.serverUtil,
        loadUtil: closed.loadUtil,
        otherCores: closed.otherCores,
        satP50: closed.latency.p50,
        satP99: closed.latency.p99,
        fixedRate: fixed.rate,
        fixedP50: fixed.latency.p50,
        fixedP99: fixed.latency.p99,
        fixedCpuPerMsgUs: fixed.serverCpuPerUnitUs,
        lost: closed.lost + fixed.lost,
        outOfOrder: closed.outOfOrder + fixed.outOfOrder,
        errors: closed.errors + fixed.errors,
        acksPerMessage: target.dialect === 'parley' ? closed.acks / Math.max(1, closed.delivered) : NaN,
      };
      return { metrics, notes };
    });
  },

  report(runs: RunRecord[], smoke: boolean) {
    const p = smoke ? SMOKE : FULL;
    const raw: SystemId = 'raw-uws';
    const rows = systemsIn(runs).map((system) => [
      label(system),
      fmt(medianOf(runs, system, 'throughput')),
      times(ratioOf(runs, system, raw, 'throughput')),
      times(ratioOf(runs, system, 'socketio', 'throughput')),
      sig(medianOf(runs, system, 'cpuPerMsgUs')),
      `${sig(medianOf(runs, system, 'fixedP50'))} / ${sig(medianOf(runs, system, 'fixedP99'))}`,
      times(ratioOf(runs, system, raw, 'fixedP99')),
      sig(medianOf(runs, system, 'fixedCpuPerMsgUs')),
      limitSide(medianOf(runs, system, 'serverUtil'), medianOf(runs, system, 'loadUtil')),
      spread(runs, system, 'throughput', (v) => fmt(v)),
    ]);
    return [
      `${p.pairs} pairs; closed loop with ${p.inFlight * 2} messages in flight per pair (${p.inFlight} each way) for throughput; then an open loop at ${fmt(p.rate)} messages/s in total for latency (send to delivery at the other party). Each window ${p.measureMs / 1000} s after ${p.warmupMs / 1000} s of warm-up. Parley validates, stores (journal, group commit) and acknowledges every message; the baselines only relay it.`,
      '',
      table(
        [
          'System',
          'Delivered msg/s',
          '× raw uWS',
          '× Socket.IO',
          'Server CPU µs/msg',
          `p50 / p99 ms at ${fmt(p.rate / 1000)}k/s`,
          'p99 × raw uWS',
          `CPU µs/msg at ${fmt(p.rate / 1000)}k/s`,
          'Limit (throughput run)',
          'Runs (msg/s)',
        ],
        rows,
      ),
      beforeAfter(runs, [
        { key: 'throughput', name: 'msg/s', format: (v) => fmt(v) },
        { key: 'cpuPerMsgUs', name: 'CPU µs/msg', format: sig },
        { key: 'fixedP99', name: 'p99 ms at fixed rate', format: sig },
      ]),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const byThroughput = ratioOf(runs, 'parley-uws', 'raw-uws', 'throughput');
    // What the throughput ratio would be if the server, not the load generator, were the limit.
    const byCpu = 1 / ratioOf(runs, 'parley-uws', 'raw-uws', 'cpuPerMsgUs');
    const overSocketIo = ratioOf(runs, 'parley-uws', 'socketio', 'throughput');
    const overSocketIoCpu = 1 / ratioOf(runs, 'parley-uws', 'socketio', 'cpuPerMsgUs');
    const p99 = ratioOf(runs, 'parley-uws', 'raw-uws', 'fixedP99');
    return [
      check(
        'throughput ≥ 0.6× raw uWS (by delivered msg/s and by server CPU per message)',
        `${times(byThroughput)} by msg/s, ${times(byCpu)} by CPU/msg`,
        Math.min(byThroughput, byCpu),
        (v) => v >= 0.6,
      ),
      check(
        'throughput above the bare Socket.IO relay',
        `${times(overSocketIo)} by msg/s, ${times(overSocketIoCpu)} by CPU/msg`,
        Math.min(overSocketIo, overSocketIoCpu),
        (v) => v > 1,
      ),
      check(
        `p99 at ${fmt(p.rate / 1000)}k msg/s ≤ 2× raw uWS`,
        `${times(p99)} (${sig(medianOf(runs, 'parley-uws', 'fixedP99'))} ms vs ${sig(medianOf(runs, 'raw-uws', 'fixedP99'))} ms)`,
        p99,
        (v) => v <= 2,
      ),
    ];
  },
};
