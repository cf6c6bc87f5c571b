import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchResult, runBench, SCENARIOS } from './bench-runner.js';
import { renderReport, writeReport } from './report/write-report.js';
import type { RunRecord } from './scenarios/scenario.js';
import { REPO_ROOT, SYSTEMS, type SystemId } from './systems/systems.js';

/*
 * `npm run bench` (from the repository root): every scenario against Parley and the baselines,
 * three runs each, then the "Server benchmarks" section of BENCHMARKS.md. Options:
 *   --runs=N         runs per system (default 3)
 *   --only=a,b       scenarios: relay, idle, routing, stats, storm
 *   --systems=a,b    parley-uws, parley-ws, raw-uws, socketio
 *   --profile        servers write V8 CPU profiles to bench/results/profiles
 *   --tsx            run the servers from their TypeScript sources with tsx (as npm start does)
 *                    instead of esbuild bundles
 *   --smoke          a few seconds of tiny load (what npm test runs)
 *   --no-write       print the report instead of writing BENCHMARKS.md
 *   --budget-min=N   runs not started after N minutes are skipped (default 35)
 *   --from=FILE      write the report from saved results (bench/results/bench-*.json) instead of running
 *   --before=DIR     also run Parley (uWS) from DIR, an earlier tree of the repository, next to
 *                    parley-uws in each round: before and after a change, measured alike. E.g.
 *                    git archive COMMIT server | tar -x -C DIR && ln -s "$PWD/node_modules" DIR/
 *                    (shared/ and the dependencies come from this tree).
 */

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
    systems: { type: 'string', default: '' },
    profile: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'budget-min': { type: 'string', default: '35' },
    out: { type: 'string', default: join(REPO_ROOT, 'BENCHMARKS.md') },
    before: { type: 'string' },
    tsx: { type: 'boolean', default: false },
    from: { type: 'string' },
  },
});

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const systems = list(values.systems) as SystemId[];
for (const system of systems) if (!(system in SYSTEMS)) throw new Error(`unknown system ${system}; one of ${Object.keys(SYSTEMS).join(', ')}`);

const resultsDir = join(REPO_ROOT, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const profileDir = values.profile ? join(resultsDir, 'profiles') : undefined;
// npm runs this in bench/; paths given on the command line are relative to where npm was started.
const startDir = process.env.INIT_CWD ?? process.cwd();
const args = process.argv.slice(2);
const command = args.length ? `npm run bench -w bench -- ${args.join(' ')}` : 'npm run bench';

type SavedResult = Omit<BenchResult, 'scenarios'> & { command?: string; scenarios: { scenario: string; runs: RunRecord[] }[] };

async function measureOrLoad(): Promise<{ result: BenchResult; command: string }> {
  if (values.from) {
    const saved = JSON.parse(readFileSync(resolve(startDir, values.from), 'utf8')) as SavedResult;
    const scenarios = saved.scenarios.map(({ scenario, runs }) => ({ scenario: SCENARIOS.find((s) => s.name === scenario)!, runs }));
    return { result: { ...saved, scenarios }, command: saved.command ?? 'npm run bench' };
  }
  const result = await runBench({
    smoke: values.smoke,
    runs: Number(values.runs),
    only: list(values.only),
    systems,
    ...(profileDir ? { profileDir } : {}),
    ...(values.before ? { beforeRoot: resolve(startDir, values.before) } : {}),
    budgetMs: Number(values['budget-min']) * 60_000,
    tsx: values.tsx,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const saved: SavedResult = { ...result, command, scenarios: result.scenarios.map(({ scenario, runs }) => ({ scenario: scenario.name, runs })) };
  writeFileSync(join(resultsDir, `bench-${stamp}.json`), JSON.stringify(saved, null, 2));
  return { result, command };
}

const { result, command: ranAs } = await measureOrLoad();
const report = renderReport(result, ranAs);
if (values['no-write']) process.stdout.write(`${report}\n`);
else {
  writeReport(resolve(startDir, values.out), report);
  process.stderr.write(`wrote ${resolve(startDir, values.out)}\n`);
}
