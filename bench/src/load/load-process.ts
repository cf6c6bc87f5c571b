import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pinned } from '../machine/pinning.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

type Reply = { id: number; result?: unknown; error?: string };

/**
 * The load generator: a separate Node process (pinned to its own core when asked), driven over
 * IPC. `call` runs one step of a scenario's driver in it and resolves with what it measured.
 */
export class LoadProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.error) waiter.reject(new Error(`load generator: ${reply.error}`));
      else waiter.resolve(reply.result);
    });
    this.exited = new Promise((resolve) => {
      const gone = (why: string) => {
        for (const waiter of this.pending.values()) waiter.reject(new Error(`load generator ${why}`));
        this.pending.clear();
        resolve();
      };
      child.once('exit', (code, signal) => gone(`exited (${code ?? signal})`));
      child.once('error', (error) => gone(`could not start: ${error.message}`));
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Starts the process and creates the scenario's driver in it. */
  static async start(core: string | null, scenario: string): Promise<LoadProcess> {
    const [command, args] = pinned(core, [process.execPath, '--import', 'tsx', WORKER]);
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const load = new LoadProcess(child);
    await load.call('create', { scenario }, 30_000);
    return load;
  }

  call<T>(method: string, args: unknown, timeoutMs = 120_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`load generator: ${method} took more than ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ id, method, args });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
