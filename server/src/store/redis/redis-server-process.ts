import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER_BINARY = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

export type RedisServerOptions = {
  /** Folder of its append-only file; a new temporary one when not given. */
  dir?: string;
  /** TCP port; a free one when not given. Restarting on the same port keeps clients' URLs valid. */
  port?: number;
  /**
   * `everysec` (what docs/scale-out.md recommends) or `always`; `no` turns the append-only file
   * off (nothing survives a restart of Redis).
   */
  appendfsync?: 'everysec' | 'always' | 'no';
  /** Run it on this CPU core (taskset), as the benchmarks pin servers. */
  core?: string | null;
};

/** A free TCP port on loopback (free when asked; taken by whoever binds it first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real `redis-server` of this machine, on loopback: for the tests (which stop and restart it),
 * the benchmarks and `npm run start:cluster`. Nothing is downloaded; without the Debian package
 * `redis-server` this fails with one line saying so.
 */
export class RedisServerProcess {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly appendfsync: 'everysec' | 'always' | 'no',
    private readonly core: string | null,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  static async start(options: RedisServerOptions = {}): Promise<RedisServerProcess> {
    if (!existsSync(REDIS_SERVER_BINARY)) throw new Error(`${REDIS_SERVER_BINARY} is missing: install the Debian package redis-server`);
    if (options.dir) mkdirSync(options.dir, { recursive: true });
    const server = new RedisServerProcess(
      options.port ?? (await freePort()),
      options.dir ?? mkdtempSync(join(tmpdir(), 'parley-redis-')),
      options.appendfsync ?? 'everysec',
      options.core ?? null,
    );
    await server.restart();
    return server;
  }

  /** Starts it (again, on the same port and folder: what it had written comes back from its append-only file). */
  async restart(): Promise<void> {
    if (this.child) throw new Error('redis-server is already running');
    const aof = this.appendfsync === 'no' ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', this.appendfsync];
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', ...aof];
    args.push('--maxmemory-policy', 'noeviction', '--loglevel', 'warning');
    const [command, argv] = this.core === null ? [REDIS_SERVER_BINARY, args] : ['taskset', ['-c', this.core, REDIS_SERVER_BINARY, ...args]];
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // "Ready to accept connections" (redis 7 prints it at warning level too).
        if (/ready to accept connections/i.test(output)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${output.slice(-500)}`)));
      // Loglevel warning hides the ready line on some builds: fall back to connecting.
      void waitForPort(this.port).then(resolve, () => {});
    });
    child.stdout!.removeAllListeners('data');
    child.stderr!.removeAllListeners('data');
    child.stdout!.resume();
    child.stderr!.resume();
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
  }

  /** `kill -9`: what Redis had acknowledged must come back from its append-only file. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

async function waitForPort(port: number): Promise<void> {
  const { connect } = await import('node:net');
  for (let attempt = 0; attempt < 200; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        // A PING answered with PONG means it is serving, not only listening.
        socket.write('PING\r\n');
        socket.once('data', (data) => {
          socket.destroy();
          resolve(data.toString().startsWith('+PONG'));
        });
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}
