import { CpuWindow } from '../machine/proc-stat.js';

/** CPU use over a measured window, as the report shows it. */
export type CpuFigures = {
  seconds: number;
  /** Server CPU seconds (user + system) in the window. */
  serverCpu: number;
  /** Load generator CPU seconds in the window. */
  loadCpu: number;
  /** Everything else on the machine, in cores (other people's work on a shared machine). */
  otherCores: number;
};

/**
 * Starts a window over the server and this load generator process. A server of several processes
 * (the nodes of a cluster and their Redis) counts them all.
 */
export function startWindow(serverPid: number | number[]): () => CpuFigures {
  const servers = Array.isArray(serverPid) ? serverPid : [serverPid];
  const window = new CpuWindow([...servers, process.pid]);
  return () => {
    const { seconds, cpu, otherCpu } = window.stop();
    const serverCpu = servers.reduce((sum, pid) => sum + (cpu.get(pid) ?? 0), 0);
    return { seconds, serverCpu, loadCpu: cpu.get(process.pid) ?? 0, otherCores: otherCpu / seconds };
  };
}

/** The usual figures of a window in which `count` things (messages, requests) were done. */
export function perUnit(cpu: CpuFigures, count: number) {
  return {
    rate: count / cpu.seconds,
    serverCpuPerUnitUs: count > 0 ? (cpu.serverCpu / count) * 1e6 : NaN,
    serverUtil: cpu.serverCpu / cpu.seconds,
    loadUtil: cpu.loadCpu / cpu.seconds,
    otherCores: cpu.otherCores,
  };
}
