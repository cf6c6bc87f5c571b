import { type ChildProcess, spawn } from 'node:child_process';
import { pinned } from '../machine/pinning.js';
import { PROBE_MARK } from './memory-probe.js';

export type ServerSpec = {
  /** Arguments after `node`. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
};

export type MemorySample = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; gc: boolean };

export type RunningServer = {
  pid: number;
  /** Every process of the server: itself, or the nodes of a cluster and their Redis. */
  pids: number[];
  port: number;
  /** The line that said the server listens (Parley's names its transport). */
  ready: { port: number; transport?: string };
  /** Forces a full GC in the server and reads its memory (see memory-probe.ts). */
  probe(): Promise<MemorySample>;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
  /** What the server printed, for error messages. */
  output(): string;
};

const READY_TIMEOUT_MS = 30_000;
const PROBE_TIMEOUT_MS = 30_000;

/** Starts a server (pinned to `core` when given) and resolves once it prints the port it listens on. */
export async function launchServer(spec: ServerSpec, core: string | null): Promise<RunningServer> {
  const [command, args] = pinned(core, [process.execPath, ...spec.args]);
  const child: ChildProcess = spawn(command, args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const probeWaiters: ((sample: MemorySample) => void)[] = [];
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      log += `cannot start the server: ${error.message}\n`;
      resolve(null);
    });
  });
  let readyLine: (entry: { port: number; transport?: string }) => void = () => {};

  const onLine = (line: string) => {
    if (line.startsWith(PROBE_MARK)) {
      probeWaiters.shift()?.(JSON.parse(line.slice(PROBE_MARK.length)) as MemorySample);
      return;
    }
    if (log.length < 20_000) log += `${line}\n`;
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { port?: number; ready?: boolean; msg?: string; transport?: string };
      if (entry.port && (entry.ready || entry.msg?.startsWith('Parley listening'))) readyLine({ ...entry, port: entry.port });
    } catch {
      // Not one of the JSON lines we look for.
    }
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let carry = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (carry + chunk).split('\n');
      carry = lines.pop()!;
      lines.forEach(onLine);
    });
  }

  const ready = await new Promise<{ port: number; transport?: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${READY_TIMEOUT_MS} ms:\n${log}`)), READY_TIMEOUT_MS);
    readyLine = (entry) => {
      clearTimeout(timer);
      resolve(entry);
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${log}`));
    });
  });

  return {
    pid: child.pid!,
    pids: [child.pid!],
    port: ready.port,
    ready,
    output: () => log,
    probe: () =>
      new Promise<MemorySample>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not answer the memory probe')), PROBE_TIMEOUT_MS);
        probeWaiters.push((sample) => {
          clearTimeout(timer);
          resolve(sample);
        });
        child.kill('SIGUSR2');
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
