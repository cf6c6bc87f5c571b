import type { RunRecord } from '../scenarios/scenario.js';
import { SYSTEMS, type SystemId } from '../systems/systems.js';

/*
 * Medians over runs, ratios within a round (Parley's run r against the baseline's run r, measured
 * minutes apart at most, so that a machine getting busier affects both), and number formatting.
 */

export function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** The systems that ran, in the order they alternated. */
export function systemsIn(runs: RunRecord[]): SystemId[] {
  return [...new Set(runs.map((run) => run.system))];
}

export function values(runs: RunRecord[], system: SystemId, key: string): number[] {
  return runs.filter((r) => r.system === system && r.metrics).map((r) => r.metrics![key]!);
}

export function medianOf(runs: RunRecord[], system: SystemId, key: string): number {
  return median(values(runs, system, key));
}

/** Median over rounds of system/baseline for `key`, both taken from the same round. */
export function ratioOf(runs: RunRecord[], system: SystemId, baseline: SystemId, key: string): number {
  const ratios: number[] = [];
  for (const run of runs.filter((r) => r.system === system && r.metrics)) {
    const other = runs.find((r) => r.system === baseline && r.run === run.run && r.metrics);
    if (other) ratios.push(run.metrics![key]! / other.metrics![key]!);
  }
  return median(ratios);
}

export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Three significant figures, for figures that span orders of magnitude (latencies, ratios). */
export function sig(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return fmt(value, digits);
}

export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}

export function kib(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(2)} KB` : '–';
}

export function label(system: SystemId): string {
  return SYSTEMS[system].label;
}

/**
 * Which side limited a saturating run: the process that used (nearly) all of its core. Other
 * people's work on a shared machine shows as neither reaching it.
 */
export function limitSide(serverUtil: number, loadUtil: number): string {
  const server = `server ${Math.round(serverUtil * 100)}%`;
  const load = `load ${Math.round(loadUtil * 100)}%`;
  if (serverUtil >= 0.85 && loadUtil >= 0.85) return `**both** (${server}, ${load})`;
  if (serverUtil >= 0.85) return `**server** (${server}, ${load})`;
  if (loadUtil >= 0.85) return `**load generator** (${server}, ${load})`;
  return `neither saturated (${server}, ${load})`;
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Each run's value of `key`, for the reader who wants to see the spread behind a median. */
export function spread(runs: RunRecord[], system: SystemId, key: string, format: (v: number) => string = sig): string {
  return values(runs, system, key).map(format).join(', ');
}

/** Notes and errors of the runs, as a list under the table. */
export function runNotes(runs: RunRecord[]): string {
  const lines = runs.flatMap((run) => [
    ...(run.error ? [`- ${label(run.system)}, run ${run.run}: **failed**: ${run.error.split('\n')[0]}`] : []),
    ...run.notes.map((note) => `- ${label(run.system)}, run ${run.run}: ${note}`),
  ]);
  return lines.length ? `\n${lines.join('\n')}\n` : '';
}

/** With `--before`: one line comparing Parley after the change with before it, per metric. */
export function beforeAfter(runs: RunRecord[], metrics: { key: string; name: string; format: (v: number) => string }[]): string {
  const pairs: [SystemId, SystemId, string][] = [
    ['parley-uws', 'parley-before', 'uWS'],
    ['parley-ws', 'parley-ws-before', 'ws'],
  ];
  const lines = pairs
    .filter(([, before]) => runs.some((run) => run.system === before))
    .map(([after, before, transport]) => {
      const parts = metrics.map(
        ({ key, name, format }) =>
          `${name} ${format(medianOf(runs, before, key))} → ${format(medianOf(runs, after, key))} (${times(ratioOf(runs, after, before, key))})`,
      );
      return `Change measured (Parley ${transport}, before → after, same rounds): ${parts.join('; ')}.`;
    });
  return lines.length ? `\n${lines.join('\n\n')}\n` : '';
}
