import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type SpawnedServer, serverFolder, spawnServer } from './support/spawned-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('start-up', () => {
  const running: SpawnedServer[] = [];
  afterEach(() => {
    for (const server of running) server.process.kill('SIGKILL');
    running.length = 0;
  });

  it('refuses to start on a bad configuration, listing every problem, and exits 1', async () => {
    const folder = serverFolder();
    const bad = join(folder.dataDir, '..', 'bad.json');
    writeFileSync(bad, JSON.stringify({ rooms: [{ name: 'general', label: 'G', statsKey: 'short' }] }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PARLEY_CONFIG: bad, PORT: 'http', LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Parley cannot start; fix the configuration:');
    expect(stderr).toContain('environment variable PORT: must be a whole number');
    expect(stderr).toContain(`${bad} rooms[0].name: must be 1-40 of A-Z, 0-9, _ and -`);
    expect(stderr).toContain(`${bad} rooms[0].statsKey: must be at least 16 characters`);
  });

  it('stops with one line, not a stack, when its port or METRICS_PORT is taken', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      for (const env of [{ PORT: port }, { PORT: '0', METRICS_PORT: port, METRICS_HOST: '127.0.0.1' }]) {
        const folder = serverFolder();
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
          cwd: ROOT,
          env: { ...process.env, HOST: '127.0.0.1', DATA_DIR: folder.dataDir, PARLEY_CONFIG: folder.configPath, TRANSPORT: 'ws', LOG_FORMAT: 'json', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
        expect(output).toContain('set PORT (or METRICS_PORT) to a free one');
        expect(output).not.toMatch(/\n\s+at /);
      }
    } finally {
      taken.close();
    }
  });

  it('runs on ws, and says why, when the uWebSockets.js native binary does not load', async () => {
    const server = await spawnServer({ transport: 'uws', ...serverFolder(), env: { UWS_USE_FALLBACK: '1' } });
    running.push(server);
    const health = (await (await fetch(`${server.http}/healthz`)).json()) as { transport: string };
    expect(health.transport).toBe('ws');
    expect(server.output()).toMatch(/transport: ws, as a fallback: uWebSockets.js native binary did not load/);
  });
});
