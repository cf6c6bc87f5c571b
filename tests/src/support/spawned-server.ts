import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testFile } from './test-config.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type SpawnedServer = {
  process: ChildProcess;
  http: string;
  ws: string;
  exited: Promise<number | null>;
  /** Everything the process printed so far. */
  output(): string;
};

/** A folder with the test config file, for servers started as separate processes. */
export function serverFolder(): { dataDir: string; configPath: string } {
  const folder = mkdtempSync(join(tmpdir(), 'parley-proc-'));
  const configPath = join(folder, 'parley.config.json');
  writeFileSync(configPath, JSON.stringify(testFile));
  return { dataDir: join(folder, 'data'), configPath };
}

/** Starts `server/src/main.ts` in its own process, as `npm start` would, and waits until it listens. */
export async function spawnServer(options: {
  transport: 'uws' | 'ws';
  dataDir: string;
  configPath: string;
  env?: Record<string, string>;
}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TRANSPORT: options.transport,
      DATA_DIR: options.dataDir,
      PARLEY_CONFIG: options.configPath,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      RATE_MESSAGES_PER_SECOND: '10000',
      RATE_MESSAGES_BURST: '10000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { port?: number; msg?: string };
        if (entry.port && entry.msg?.startsWith('Parley listening')) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { process: child, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, exited, output: () => output };
}
