import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBanner } from '../../demo/src/demo-banner.js';
import { DEMO_ADMIN, DEMO_AGENTS, DEMO_PASSWORD } from '../../demo/src/demo-credentials.js';
import { type RunningParley, startParley } from '../../server/src/app.js';
import { DEMO_CONFIG_PATH, loadServerConfig } from '../../server/src/config/load-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded-store.js';

describe('the demo configuration', () => {
  let server: RunningParley;
  beforeAll(async () => {
    const config = loadServerConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    server = await startParley({ config, store: await openEmbeddedStore(), log: pino({ level: 'silent' }) });
  });
  afterAll(() => server.drain());

  it('lets every demo agent sign in with the password npm start prints', async () => {
    for (const id of DEMO_AGENTS) {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/agent/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, password: DEMO_PASSWORD }),
      });
      expect(response.status, id).toBe(201);
    }
  });

  it('lets the demo admin sign in to the admin API, and needs no setup link', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/admin/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: DEMO_ADMIN, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(201);
    expect(server.setupUrl).toBeNull();
  });

  it('has two rooms with statistics', async () => {
    for (const room of ['GENERAL', 'SALES']) {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/rooms/${room}/stats`);
      expect(await response.json()).toMatchObject({ result: 'OK', chatRoom: room, totalAgentLogon: 0 });
    }
  });

  it('prints the demo accounts and statistics key on start only with the demo config, never with a site’s own', () => {
    const banner = (configPath: string | undefined) => demoBanner({ base: 'http://localhost:8080', siteUrl: 'http://localhost:8081', configPath }).join('\n');
    expect(banner(undefined)).toContain(DEMO_PASSWORD);
    expect(banner(DEMO_CONFIG_PATH)).toContain('demo-general-stats-key-change-me');
    const own = banner('/etc/parley/site.json');
    expect(own).not.toContain(DEMO_PASSWORD);
    expect(own).not.toContain('stats-key');
    expect(own).not.toContain(DEMO_ADMIN);
  });
});
