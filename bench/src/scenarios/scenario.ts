import type { Pinning } from '../machine/pinning.js';
import type { Builds } from '../systems/build-servers.js';
import type { SystemId } from '../systems/systems.js';

/** Figures of one run of a scenario against one system: numbers only, so medians can be taken. */
export type Metrics = Record<string, number>;

export type RunContext = {
  pinning: Pinning;
  /** A tiny load that only proves the harness works (npm test). */
  smoke: boolean;
  /** When set, servers write V8 CPU profiles here. */
  profileDir?: string;
  /** When set, `parley-before` runs the server of this other tree. */
  beforeRoot?: string;
  /** The bundled servers; null runs them from their sources with tsx. */
  builds: Builds | null;
  log: (line: string) => void;
};

export type RunRecord = { system: SystemId; run: number; metrics?: Metrics; notes: string[]; error?: string };

export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** Systems in the order they alternate (A B C A B C…); the first is the one the ratios are about. */
  readonly systems: SystemId[];
  /** One run against one system; notes say what the reader should know (a check that failed…). */
  run(context: RunContext, system: SystemId): Promise<{ metrics: Metrics; notes: string[] }>;
  /** The scenario's section of the report, from every run (`smoke`: the runs used the tiny load). */
  report(runs: RunRecord[], smoke: boolean): string;
  /** The targets for this scenario, judged from the medians. */
  targets(runs: RunRecord[], smoke: boolean): TargetCheck[];
}

/** One target: what it asks, what was measured, and whether it holds (null: could not be judged). */
export type TargetCheck = { target: string; measured: string; met: boolean | null };

export function check(target: string, measured: string, value: number, holds: (value: number) => boolean): TargetCheck {
  return { target, measured, met: Number.isFinite(value) ? holds(value) : null };
}
