import { describe, expect, it } from 'vitest';
import { runBench } from './bench-runner.js';
import { renderReport } from './report/write-report.js';
import type { RunRecord } from './scenarios/scenario.js';

/*
 * The benchmark harness, exercised end to end with a tiny load (a few seconds): every scenario
 * against Parley and both baselines, each in its own server and load generator processes. What is
 * checked is what makes the figures trustworthy — every run completes, nothing is lost, every
 * visitor resumes, every answer adds up — never how fast anything was.
 */

const byScenario = (scenarios: { scenario: { name: string }; runs: RunRecord[] }[], name: string) => scenarios.find((s) => s.scenario.name === name)!.runs;
const metric = (runs: RunRecord[], system: string, key: string) => runs.find((run) => run.system === system)!.metrics![key]!;

describe('benchmark harness (smoke run)', () => {
  it('runs every scenario against Parley and the baselines, and nothing is lost', async () => {
    const result = await runBench({
      smoke: true,
      runs: 1,
      only: [],
      systems: ['parley-uws', 'raw-uws', 'socketio', 'parley-cluster'],
      budgetMs: 170_000,
      tsx: false,
      log: () => {},
    });
    const { scenarios } = result;
    expect(scenarios.map((s) => s.scenario.name)).toEqual(['relay', 'idle', 'routing', 'stats', 'storm', 'cluster-relay', 'cluster-routing', 'failover']);
    for (const { runs } of scenarios) {
      for (const run of runs) {
        expect(run.error, `${run.system}: ${run.error}`).toBeUndefined();
        expect(run.notes, run.system).toEqual([]);
      }
    }

    const relay = byScenario(scenarios, 'relay');
    for (const system of ['parley-uws', 'raw-uws', 'socketio']) {
      expect(metric(relay, system, 'throughput'), system).toBeGreaterThan(0);
      expect([metric(relay, system, 'lost'), metric(relay, system, 'outOfOrder'), metric(relay, system, 'errors')], system).toEqual([0, 0, 0]);
    }
    // Parley acknowledges every message it delivers (acks counted in the same window).
    expect(metric(relay, 'parley-uws', 'acksPerMessage')).toBeGreaterThan(0.8);

    const idle = byScenario(scenarios, 'idle');
    for (const system of ['parley-uws', 'raw-uws', 'socketio']) expect(metric(idle, system, 'connected'), system).toBe(60);

    const routing = byScenario(scenarios, 'routing');
    expect(metric(routing, 'parley-uws', 'accepted')).toBe(30);
    expect(metric(routing, 'parley-uws', 'offered')).toBe(30);

    const stats = byScenario(scenarios, 'stats');
    for (const system of ['parley-uws', 'raw-uws', 'socketio']) {
      expect(metric(stats, system, 'rps'), system).toBeGreaterThan(0);
      expect(metric(stats, system, 'bad'), system).toBe(0);
    }

    const storm = byScenario(scenarios, 'storm');
    for (const system of ['parley-uws', 'raw-uws', 'socketio']) {
      expect(metric(storm, system, 'resumed'), system).toBe(10);
      expect(metric(storm, system, 'lost'), system).toBe(0);
    }

    // Three nodes on Redis: a chat crosses nodes, nothing lost; routing drains; another node takes over.
    const clusterRelay = byScenario(scenarios, 'cluster-relay');
    expect(metric(clusterRelay, 'parley-cluster', 'throughput')).toBeGreaterThan(0);
    expect(metric(clusterRelay, 'parley-cluster', 'lost')).toBe(0);
    expect(metric(clusterRelay, 'parley-cluster', 'bytesPerMessage')).toBeGreaterThan(0);
    expect(metric(byScenario(scenarios, 'cluster-routing'), 'parley-cluster', 'drainMs')).toBeGreaterThan(0);
    expect(metric(byScenario(scenarios, 'failover'), 'parley-cluster', 'failoverMs')).toBeGreaterThan(0);

    const report = renderReport(result, 'npm run bench -- --smoke');
    for (const { scenario } of scenarios) expect(report).toContain(scenario.title);
    expect(report).toContain('| Parley (uWebSockets.js) |');
  }, 180_000);
});
