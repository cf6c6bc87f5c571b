/*
 * Loaded into every benchmarked server with `--import` (and `--expose-gc`), so the same method
 * measures Parley and the baselines without touching their code: on SIGUSR2 it runs a full GC
 * (twice, so that objects freed by finalizers go too) and prints the process's memory and CPU
 * as one marked JSON line on stderr.
 */

export const PROBE_MARK = '@@bench-probe ';

process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  process.stderr.write(`${PROBE_MARK}${JSON.stringify({ gc: gc !== undefined, ...memory, cpuUserUs: cpu.user, cpuSystemUs: cpu.system })}\n`);
});
