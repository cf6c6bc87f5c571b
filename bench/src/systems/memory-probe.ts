import { Session } from 'node:inspector';

/*
 * Loaded into every benchmarked server with `--import`, so the same method measures Parley and the
 * baselines without touching their code. On SIGUSR2 it runs a memory-reducing full GC and prints
 * the process's memory and CPU as one marked JSON line on stderr.
 *
 * Memory-reducing: the inspector's HeapProfiler.collectGarbage is V8's low-memory notification,
 * which also gives back the heap pages and young-generation space a burst of connections made V8
 * reserve. An idle server gets there by itself: V8's memory reducer runs the same kind of GC
 * about eight seconds after allocation stops. A plain gc() right after the burst would count that
 * reserve as per-connection memory (for Parley, twice what the live objects take).
 */

export const PROBE_MARK = '@@bench-probe ';

const session = new Session();
session.connect();

process.on('SIGUSR2', () => {
  session.post('HeapProfiler.collectGarbage', (error) => {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const sample = { gc: !error, ...memory, cpuUserUs: cpu.user, cpuSystemUs: cpu.system };
    process.stderr.write(`${PROBE_MARK}${JSON.stringify(sample)}\n`);
  });
});
