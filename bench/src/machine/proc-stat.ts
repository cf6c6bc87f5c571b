import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/*
 * CPU time as the kernel counts it: user + system of one process (all its threads) from
 * /proc/<pid>/stat, and busy time of the whole machine from /proc/stat, so that a run can say how
 * much of the machine other people's work took while it ran.
 */

let ticksPerSecond: number | null = null;

/** Clock ticks per second of /proc's counters (CLK_TCK, 100 on Linux almost everywhere). */
export function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds used so far by a process and all its threads; null once it has gone. */
export function processCpuSeconds(pid: number): number | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may contain spaces: count fields after it.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return (utime + stime) / clockTicks();
}

/** Busy CPU seconds of the whole machine so far (every core, every process, kernel included). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [, ...fields] = line.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[];
  const busy = user! + nice! + system! + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  void idle;
  void iowait;
  return busy / clockTicks();
}

/** A stopwatch over one measured window: wall time, the processes' CPU, and the machine's. */
export class CpuWindow {
  private readonly startedAt = performance.now();
  private readonly startCpu: Map<number, number>;
  private readonly startMachine = machineBusySeconds();

  constructor(private readonly pids: number[]) {
    this.startCpu = new Map(pids.map((pid) => [pid, processCpuSeconds(pid) ?? 0]));
  }

  /** Seconds of wall time, CPU seconds per pid, and CPU seconds used by everything else on the machine. */
  stop(): { seconds: number; cpu: Map<number, number>; otherCpu: number } {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const cpu = new Map<number, number>();
    let ours = 0;
    for (const pid of this.pids) {
      const used = (processCpuSeconds(pid) ?? 0) - (this.startCpu.get(pid) ?? 0);
      cpu.set(pid, used);
      ours += used;
    }
    const otherCpu = Math.max(0, machineBusySeconds() - this.startMachine - ours);
    return { seconds, cpu, otherCpu };
  }
}
