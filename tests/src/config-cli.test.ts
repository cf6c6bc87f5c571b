import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startParley } from '../../server/src/app.js';
import { loadServerConfig } from '../../server/src/config/load-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded-store.js';
import { apiClient, signInAdmin } from './support/admin-client.js';
import { ROOT } from './support/import-graph.js';
import { serverFolder } from './support/spawned-server.js';

/** Runs an npm script's command (`config-cli.ts`, `create-admin-cli.ts`) as npm would, in its own process. */
function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/src/${script}`, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

async function startOn(env: Record<string, string>) {
  const config = loadServerConfig({ ...env, PORT: '0', HOST: '127.0.0.1' });
  const store = await openEmbeddedStore({ dataDir: env.DATA_DIR! });
  const running = await startParley({ config, store, log: pino({ level: 'silent' }) });
  return { running, http: `http://127.0.0.1:${running.port}` };
}

describe('npm run config and npm run create-admin', () => {
  it('exports the settings, imports a changed file (checked, every problem by path, nothing changed on a bad one), and refuses while Parley runs', async () => {
    const { dataDir, configPath } = serverFolder();
    const env = { DATA_DIR: dataDir, PARLEY_CONFIG: configPath, PUBLIC_URL: 'http://chat.test' };
    const exported = join(dataDir, '..', 'exported.json');
    expect(await run('config-cli.ts', ['export', exported], env)).toMatchObject({ code: 0 });
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    expect(file.rooms.map((r: any) => r.name)).toEqual(['GENERAL', 'SALES']);

    const broken = join(dataDir, '..', 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...file, rooms: [{ ...file.rooms[0], capacityPerAgent: 0 }, file.rooms[1]] }));
    const refused = await run('config-cli.ts', ['import', broken], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('rooms[0].capacityPerAgent: must be at least 1');

    file.rooms[0].label = 'Imported label';
    file.agents = file.agents.filter((agent: any) => agent.id !== 'carol@test.parley');
    writeFileSync(exported, JSON.stringify(file));
    expect(await run('config-cli.ts', ['import', exported], env)).toMatchObject({ code: 0 });

    const { running, http } = await startOn(env);
    try {
      const admin = await signInAdmin(http);
      expect((await admin.get('/api/admin/rooms/GENERAL')).body.room.label).toBe('Imported label');
      expect((await admin.get('/api/admin/agents')).body.agents.map((a: any) => a.agent.id)).toEqual(['alice@test.parley', 'bob@test.parley']);
      const busy = await run('config-cli.ts', ['export', exported], env);
      expect(busy.code).toBe(1);
      expect(busy.err).toContain('another Parley process');
    } finally {
      await running.drain();
    }
  });

  it('create-admin prints a one-time link to set the new admin’s password, never a password', async () => {
    const { dataDir, configPath } = serverFolder();
    const env = { DATA_DIR: dataDir, PARLEY_CONFIG: configPath, PUBLIC_URL: 'http://chat.test' };
    const made = await run('create-admin-cli.ts', ['owner@example.com', 'Olive', 'Owner'], env);
    expect(made.code).toBe(0);
    const token = /#invite=([A-Za-z0-9_-]+)/.exec(made.out)?.[1];
    expect(made.out).toContain('http://chat.test/admin/#invite=');
    const { running, http } = await startOn(env);
    try {
      expect((await apiClient(http, null).get(`/api/invites/${token}`)).body).toEqual({
        role: 'admin',
        setup: false,
        id: 'owner@example.com',
        name: 'Olive Owner',
      });
      expect((await apiClient(http, null).post(`/api/invites/${token}`, { password: 'correct horse battery' })).status).toBe(201);
      const owner = await signInAdmin(http, 'owner@example.com', 'correct horse battery');
      expect((await owner.get('/api/admin/me')).body.admin.name).toBe('Olive Owner');
    } finally {
      await running.drain();
    }
  });
});
