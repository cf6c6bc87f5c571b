import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

export type MachineInfo = {
  cores: number;
  cpuModel: string;
  kernel: string;
  node: string;
  memoryGiB: number;
  /** 1-minute load average when the run started: how busy the machine was already. */
  loadAverageAtStart: number;
};

export function machineInfo(): MachineInfo {
  const list = cpus();
  let load = NaN;
  try {
    load = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    // Not Linux: the report shows the load as unknown.
  }
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    kernel: `Linux ${release()}`,
    node: process.version,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: load,
  };
}
