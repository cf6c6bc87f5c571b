import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signInAdmin } from './support/admin-client.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { signIn } from './support/parties.js';

type Route = { method: string; path: string; body?: unknown };

/** Every admin route, with a body it would accept (the version is 1: the seeded records' version). */
const ROUTES: Route[] = [
  { method: 'GET', path: '/api/admin/me' },
  { method: 'GET', path: '/api/admin/rooms' },
  { method: 'POST', path: '/api/admin/rooms', body: { version: 0, room: { name: 'NEWROOM', label: 'New' } } },
  { method: 'GET', path: '/api/admin/rooms/GENERAL' },
  { method: 'PUT', path: '/api/admin/rooms/GENERAL', body: { version: 1, room: { name: 'GENERAL', label: 'G' } } },
  { method: 'DELETE', path: '/api/admin/rooms/GENERAL?version=1' },
  { method: 'POST', path: '/api/admin/rooms/GENERAL/stats-key', body: { version: 1 } },
  { method: 'GET', path: '/api/admin/rooms/GENERAL/audit' },
  { method: 'POST', path: '/api/admin/rooms/GENERAL/logo' },
  { method: 'POST', path: '/api/admin/rooms/GENERAL/availability', body: { availability: { rules: [] }, timeZone: 'UTC' } },
  { method: 'GET', path: '/api/admin/rooms/GENERAL/supervisor' },
  { method: 'GET', path: '/api/admin/agents' },
  { method: 'POST', path: '/api/admin/agents', body: { version: 0, agent: { id: 'new@test.parley', name: 'New', rooms: ['GENERAL'] } } },
  { method: 'GET', path: '/api/admin/agents/bob@test.parley' },
  { method: 'PUT', path: '/api/admin/agents/bob@test.parley', body: { version: 1, agent: { id: 'bob@test.parley', name: 'B', rooms: ['GENERAL'] } } },
  { method: 'POST', path: '/api/admin/agents/bob@test.parley/reset-password', body: { version: 1 } },
  { method: 'POST', path: '/api/admin/agents/bob@test.parley/sign-out', body: { version: 1 } },
  { method: 'DELETE', path: '/api/admin/agents/bob@test.parley?version=1' },
  { method: 'GET', path: '/api/admin/agents/bob@test.parley/audit' },
  { method: 'GET', path: '/api/admin/admins' },
  { method: 'POST', path: '/api/admin/admins', body: { id: 'new-admin@test.parley', name: 'New' } },
  { method: 'GET', path: '/api/admin/profile' },
  { method: 'PUT', path: '/api/admin/profile', body: { version: 0, profile: { companyName: 'X' } } },
];

const WITH_JSON = ROUTES.filter((route) => route.body !== undefined && !route.path.endsWith('/availability'));

describe('bad input on the admin API: a clear 4xx, and nothing changes', () => {
  let server: TestServer;
  let admin: ReturnType<typeof apiClient>;
  let before: unknown;
  const snapshot = async () => ({
    rooms: (await admin.get('/api/admin/rooms')).body,
    agents: (await admin.get('/api/admin/agents')).body,
    admins: (await admin.get('/api/admin/admins')).body,
    profile: (await admin.get('/api/admin/profile')).body,
    audit: (await admin.get('/api/admin/rooms/GENERAL/audit')).body,
  });

  beforeAll(async () => {
    server = await startTestServer({ transport: 'ws' });
    admin = await signInAdmin(server.http);
    before = await snapshot();
  });
  afterAll(async () => {
    expect(await snapshot()).toEqual(before);
    await server.stop();
  });

  it.each(ROUTES)('$method $path: 401 without a session, 403 with an agent’s', async ({ method, path, body }) => {
    const anonymous = await apiClient(server.http, null).raw(method, path, body);
    expect(anonymous).toMatchObject({ status: 401, body: { error: 'NOT_SIGNED_IN', message: expect.any(String) } });
    const agent = await apiClient(server.http, await signIn(server.http, 'alice@test.parley')).raw(method, path, body);
    expect(agent).toMatchObject({ status: 403, body: { error: 'NOT_AN_ADMIN' } });
  });

  it.each(WITH_JSON)('$method $path: not JSON, wrong types, unknown fields, too large', async ({ method, path, body }) => {
    expect(await admin.raw(method, path, '{"version": 1,')).toMatchObject({ status: 400, body: { error: 'BAD_JSON' } });
    const wrongTypes = Object.fromEntries(Object.keys(body as object).map((key) => [key, ['not', 'this']]));
    const typed = await admin.raw(method, path, wrongTypes);
    expect(typed.status).toBe(400);
    expect(typed.body.message).toContain(Object.keys(body as object)[0]);
    const unknown = await admin.raw(method, path, { ...(body as object), sneaky: true });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST', message: expect.stringContaining('sneaky') } });
    expect((await admin.raw(method, path, { ...(body as object), padding: 'x'.repeat(300 * 1024) })).status).toBe(413);
  });

  it('refuses settings a room cannot have, field by field', async () => {
    const { body: room } = await admin.get('/api/admin/rooms/GENERAL');
    const answer = await admin.put('/api/admin/rooms/GENERAL', {
      version: room.version,
      room: {
        ...room.room,
        capacityPerAgent: 'many',
        theme: { primaryColor: 'url(javascript:alert(1))' },
        colour: 'blue',
        welcomeForm: [{ key: 'x', type: 'script' }],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((issue: any) => issue.path).sort()).toEqual(
      ['', 'capacityPerAgent', 'theme.primaryColor', 'welcomeForm[0].label', 'welcomeForm[0].type'].sort(),
    );
    expect(answer.body.issues.find((issue: any) => issue.path === '').message).toContain('colour');
  });

  it('refuses an agent an admin may not set: a password, another id, a room that does not exist', async () => {
    const { body: bob } = await admin.get('/api/admin/agents/bob@test.parley');
    expect((await admin.put('/api/admin/agents/bob@test.parley', { version: bob.version, agent: { ...bob.agent, id: 'eve@test.parley' } })).status).toBe(400);
    const noRoom = await admin.put('/api/admin/agents/bob@test.parley', { version: bob.version, agent: { ...bob.agent, rooms: ['NOWHERE'] } });
    expect(noRoom.body.issues).toEqual([{ record: 'agent:bob@test.parley', path: 'rooms[0]', message: 'no room is named NOWHERE' }]);
    // A password hash sent along is ignored: the agent keeps theirs (they sign in as before).
    const kept = await admin.put('/api/admin/agents/bob@test.parley', {
      version: bob.version,
      agent: { ...bob.agent, passwordHash: 'scrypt$1$1$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(kept.status).toBe(200);
    await signIn(server.http, 'bob@test.parley');
    // Put back as it was, so that the snapshot at the end holds (a version later).
    before = { ...(before as object), agents: (await admin.get('/api/admin/agents')).body, audit: (await admin.get('/api/admin/rooms/GENERAL/audit')).body };
  });

  it('refuses a logo that is too large or not an image', async () => {
    expect((await admin.upload('/api/admin/rooms/GENERAL/logo', new Uint8Array(600 * 1024), 'image/png')).body).toMatchObject({ error: 'LOGO_TOO_LARGE' });
    expect((await admin.upload('/api/admin/rooms/GENERAL/logo', new TextEncoder().encode('%PDF-1.7 not a logo'), 'image/png')).body).toMatchObject({
      error: 'NOT_AN_IMAGE',
    });
    expect((await admin.upload('/api/admin/rooms/GENERAL/logo', new Uint8Array(0), 'image/png')).body).toMatchObject({ error: 'EMPTY_FILE' });
  });
});
