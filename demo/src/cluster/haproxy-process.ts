import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haproxyConfig } from './haproxy-config.js';

export const HAPROXY_BINARY = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';

/** A real HAProxy of this machine (Debian package `haproxy`), in the foreground, with the config above. */
export class HaproxyProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static available(): boolean {
    return existsSync(HAPROXY_BINARY);
  }

  static async start(options: { port: number; nodes: { name: string; port: number }[] }): Promise<HaproxyProcess> {
    if (!HaproxyProcess.available()) throw new Error(`${HAPROXY_BINARY} is missing: install the Debian package haproxy`);
    const folder = mkdtempSync(join(tmpdir(), 'parley-haproxy-'));
    const configPath = join(folder, 'haproxy.cfg');
    writeFileSync(
      configPath,
      haproxyConfig({ bind: `127.0.0.1:${options.port}`, nodes: options.nodes.map(({ name, port }) => ({ name, address: `127.0.0.1:${port}` })) }),
    );
    const child = spawn(HAPROXY_BINARY, ['-db', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const proxy = new HaproxyProcess(child, options.port);
    // Listening once it answers (with 503 until a node passes its health checks).
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`haproxy exited: ${output}`);
      const answered = await fetch(`http://127.0.0.1:${options.port}/healthz`).then(
        () => true,
        () => false,
      );
      if (answered) return proxy;
      if (attempt > 200) throw new Error(`haproxy did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
