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

/** Starts a window over the server and this load generator process. */
export function startWindow(serverPid: number): () => CpuFigures {
  const window = new CpuWindow([serverPid, process.pid]);
  return () => {
    const { seconds, cpu, otherCpu } = window.stop();
    return { seconds, serverCpu: cpu.get(serverPid) ?? 0, loadCpu: cpu.get(process.pid) ?? 0, otherCores: otherCpu / seconds };
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
