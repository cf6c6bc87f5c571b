import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/**
 * Where each side runs. With two cores or more and `taskset` on the PATH, the server gets core 0
 * and the load generator core 1, so neither steals the other's CPU and the server's CPU time per
 * message means something. Without them (or when told not to) nothing is pinned, and the report says so.
 */
export type Pinning = { server: string | null; load: string | null; note: string };

export function choosePinning(wanted: boolean): Pinning {
  if (!wanted) return { server: null, load: null, note: 'not pinned (smoke run)' };
  if (cpus().length < 2) return { server: null, load: null, note: 'not pinned: fewer than 2 cores' };
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
  } catch {
    return { server: null, load: null, note: 'not pinned: taskset is not available' };
  }
  return { server: '0', load: '1', note: 'server pinned to core 0, load generator to core 1 (taskset)' };
}

/** The command line that runs `argv` on `core` (or as is). */
export function pinned(core: string | null, argv: string[]): [string, string[]] {
  return core === null ? [argv[0]!, argv.slice(1)] : ['taskset', ['-c', core, ...argv]];
}
