import { beforeAfter, fmt, kib, label, medianOf, ratioOf, runNotes, spread, systemsIn, table, times } from '../report/summarize.js';
import type { MemorySample } from '../systems/launch.js';
import { withSystem } from './run-system.js';
import { check, type Scenario } from './scenario.js';

const FULL = { count: 10_000, warmup: 300, concurrency: 100 };
const SMOKE = { count: 60, warmup: 10, concurrency: 20 };

/** JS objects plus memory V8 tracks outside its heap (buffers): the part a JS change can shrink. */
const jsBytes = (sample: MemorySample) => sample.heapUsed + sample.external;

/**
 * 2. Idle connections: N connected visitors doing nothing; server memory per connection. The
 * server runs with --expose-gc and a probe (memory-probe.ts) that, on a signal, runs a full GC
 * and reports process.memoryUsage(). Measured: after a warm-up (connect and drop a few hundred, so
 * compiled code and grown tables are not counted), with no visitors; then with N visitors. The
 * difference divided by N is the cost of one idle visitor: RSS (everything, native uWS or Node
 * sockets included) and JS heap + external (what V8 holds).
 */
export const idleScenario: Scenario = {
  name: 'idle',
  title: 'Idle connections: memory per connected visitor',
  systems: ['parley-uws', 'raw-uws', 'socketio', 'parley-ws'],

  async run(context, system) {
    const p = context.smoke ? SMOKE : FULL;
    return withSystem(context, system, 'idle', {}, async ({ server, load, target }) => {
      await load.call('connect', { target, count: p.warmup, concurrency: p.concurrency });
      await load.call('closeAll', {});
      // The first probe may run before the server has handled every dropped socket; the second after.
      await server.probe();
      const before = await server.probe();
      const opened = await load.call<{ connected: number; seconds: number }>('connect', { target, count: p.count, concurrency: p.concurrency }, 600_000);
      const after = await server.probe();
      const { closedEarly } = await load.call<{ closedEarly: number }>('closeAll', {});
      const notes: string[] = [];
      if (!after.gc) notes.push('the memory probe could not run a GC (inspector unavailable)');
      if (closedEarly) notes.push(`${closedEarly} connections closed by the server while idle`);
      return {
        notes,
        metrics: {
          connected: opened.connected,
          connectRate: opened.connected / opened.seconds,
          rssPerConnection: (after.rss - before.rss) / p.count,
          jsPerConnection: (jsBytes(after) - jsBytes(before)) / p.count,
          // V8's reserved heap (used plus free space in its pages): RSS beyond this is native memory.
          heapTotalPerConnection: (after.heapTotal - before.heapTotal) / p.count,
          rssBefore: before.rss,
          rssAfter: after.rss,
        },
      };
    });
  },

  report(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const rows = systemsIn(runs).map((system) => [
      label(system),
      kib(medianOf(runs, system, 'rssPerConnection')),
      times(ratioOf(runs, system, 'raw-uws', 'rssPerConnection')),
      kib(medianOf(runs, system, 'jsPerConnection')),
      `${fmt(medianOf(runs, system, 'rssBefore') / 2 ** 20)} → ${fmt(medianOf(runs, system, 'rssAfter') / 2 ** 20)} MB`,
      fmt(medianOf(runs, system, 'connectRate')),
      spread(runs, system, 'rssPerConnection', kib),
    ]);
    return [
      `${fmt(p.count)} visitors connected and idle (Parley: after hello and welcome, so each holds a visitor session; raw uWS: after one hello round trip; Socket.IO: connected to its namespace). Server memory after a memory-reducing full GC (V8's low-memory GC, which also hands back heap space reserved during the burst of connections; an idle V8 does the same by itself after a few seconds), without and with them, divided by ${fmt(p.count)}; measured by a probe loaded into every server (bench/src/systems/memory-probe.ts). RSS includes native memory (uWS sockets, Node's stream objects); JS heap + external is what V8 holds. Kernel socket buffers are in neither.`,
      '',
      table(
        [
          'System',
          'RSS per connection',
          '× raw uWS',
          'JS heap + external per connection',
          'Server RSS without → with',
          'Connections/s while connecting',
          'Runs (RSS per connection)',
        ],
        rows,
      ),
      beforeAfter(runs, [
        { key: 'rssPerConnection', name: 'RSS per connection', format: kib },
        { key: 'jsPerConnection', name: 'JS per connection', format: kib },
      ]),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs) {
    const rss = medianOf(runs, 'parley-uws', 'rssPerConnection');
    return [
      check('≤ 2 KB per idle visitor (RSS)', `${kib(rss)} (JS heap + external ${kib(medianOf(runs, 'parley-uws', 'jsPerConnection'))})`, rss, (v) => v <= 2048),
    ];
  },
};
