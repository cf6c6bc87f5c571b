import { CloseCode, StatsDetails, WidgetSettings } from '@parley/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, signInAdmin } from './support/admin-client.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent, connectVisitor, signIn } from './support/parties.js';
import { solidPng } from './support/png.js';
import { STATS_KEY, TEST_PASSWORD, testFile } from './support/test-config.js';

describe('the admin API', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ transport: 'uws' });
  });
  afterEach(() => server.stop());

  it('answers only admins: 401 without a session, 403 for an agent, and never lets a cache keep the answer', async () => {
    expect((await apiClient(server.http, null).get('/api/admin/rooms')).status).toBe(401);
    const agentToken = await signIn(server.http, 'alice@test.parley');
    const asAgent = await apiClient(server.http, agentToken).get('/api/admin/rooms');
    expect(asAgent).toMatchObject({ status: 403, body: { error: 'NOT_AN_ADMIN' } });
    const admin = await signInAdmin(server.http);
    const rooms = await admin.get('/api/admin/rooms');
    expect(rooms.status).toBe(200);
    expect(rooms.headers.get('cache-control')).toBe('no-store');
    expect(rooms.body.rooms.map((r: any) => r.room.name)).toEqual(['GENERAL', 'SALES']);
    expect((await apiClient(server.http, null).post('/api/admin/sessions', { id: 'admin@test.parley', password: 'wrong' })).status).toBe(401);
  });

  it('saves a room from the version edited; a save from an older version gets 409 and what was saved; the widget settings follow at once', async () => {
    const first = await signInAdmin(server.http);
    const second = await signInAdmin(server.http);
    const { body: seen } = await first.get('/api/admin/rooms/GENERAL');
    const saved = await first.put('/api/admin/rooms/GENERAL', {
      version: seen.version,
      room: { ...seen.room, label: 'Help desk', theme: { ...seen.room.theme, primaryColor: '#aa0000' } },
    });
    expect(saved).toMatchObject({ status: 200, body: { version: seen.version + 1, room: { label: 'Help desk' } } });
    const late = await second.put('/api/admin/rooms/GENERAL', { version: seen.version, room: { ...seen.room, label: 'Lost' } });
    expect(late).toMatchObject({ status: 409, body: { error: 'CONFLICT', current: { version: seen.version + 1, value: { label: 'Help desk' } } } });
    const widget = WidgetSettings.parse(await (await fetch(`${server.http}/api/rooms/GENERAL/widget`)).json());
    expect(widget).toMatchObject({ label: 'Help desk', theme: { primaryColor: '#aa0000' } });
    const audit = await first.get('/api/admin/rooms/GENERAL/audit');
    expect(audit.body.entries[0]).toMatchObject({
      actor: 'admin:admin@test.parley',
      action: 'saved',
      changes: [
        { path: 'label', from: 'General', to: 'Help desk' },
        { path: 'theme.primaryColor', from: '#2456e8', to: '#aa0000' },
      ],
    });
  });

  it('rotates the statistics key: the old key gets 401 at once', async () => {
    const admin = await signInAdmin(server.http);
    const details = (key: string) => fetch(`${server.http}/api/rooms/GENERAL/stats/details?key=${key}`);
    expect((await details(STATS_KEY)).status).toBe(200);
    const { body: room } = await admin.get('/api/admin/rooms/GENERAL');
    const rotated = await admin.post('/api/admin/rooms/GENERAL/stats-key', { version: room.version });
    expect(rotated.status).toBe(200);
    const key = rotated.body.room.statsKey as string;
    expect(key).not.toBe(STATS_KEY);
    expect((await details(STATS_KEY)).status).toBe(401);
    expect(StatsDetails.parse(await (await details(key)).json()).chatRoom).toBe('GENERAL');
  });

  it('reaches open widgets and consoles without a reconnect: new settings, new rooms frame', async () => {
    const admin = await signInAdmin(server.http);
    const visitor = await connectVisitor(server);
    const agent = await connectAgent(server, 'bob@test.parley');
    const { body: room } = await admin.get('/api/admin/rooms/GENERAL');
    const form = [...room.room.welcomeForm, { key: 'ticket', type: 'text', label: 'Ticket number', rule: 'required' }];
    expect(
      (
        await admin.put('/api/admin/rooms/GENERAL', {
          version: room.version,
          room: { ...room.room, header: 'We are here', welcomeForm: form, capacityPerAgent: 3 },
        })
      ).status,
    ).toBe(200);
    const pushed = await visitor.client.next('settings');
    expect(pushed.settings).toMatchObject({ branding: { header: 'We are here' } });
    expect(pushed.settings.welcomeForm.at(-1)).toMatchObject({ key: 'ticket', rule: 'required' });
    const general = (frame: any) => frame.rooms.find((r: any) => r.name === 'GENERAL');
    expect(general(await agent.client.next('rooms', (f) => general(f).capacityPerAgent === 3))).toMatchObject({ capacityPerAgent: 3 });
    // The server refuses a start without the new required field.
    visitor.client.send({ type: 'start', form: { name: 'Dana' } });
    expect(await visitor.client.next('error')).toMatchObject({ code: 'FORM_INVALID' });
    expect(visitor.client.socket.readyState).toBe(visitor.client.socket.OPEN);
    expect(agent.client.socket.readyState).toBe(agent.client.socket.OPEN);
  });

  it('creates an agent with an invite link: they set a password, sign in and take chats; a reset or sign-out everywhere ends their sessions', async () => {
    const admin = await signInAdmin(server.http);
    const created = await admin.post('/api/admin/agents', { version: 0, agent: { id: 'dora@test.parley', name: 'Dora', rooms: ['GENERAL'] } });
    expect(created).toMatchObject({
      status: 201,
      body: { agent: { id: 'dora@test.parley', hasPassword: false }, invite: { url: expect.stringContaining('/agent/#invite=') } },
    });
    // Her private room cannot be guessed from her address: AGENT-DORA is nobody's.
    const privateRoom = created.body.agent.privateRoom as string;
    expect(privateRoom).toMatch(/^AGENT-DORA-[A-Z0-9]{8}$/);
    expect((await fetch(`${server.http}/chat/AGENT-DORA`)).status).toBe(404);
    expect((await fetch(`${server.http}/chat/${privateRoom}`)).status).toBe(200);
    const token = (created.body.invite.url as string).split('#invite=')[1]!;
    const anyone = apiClient(server.http, null);
    expect((await anyone.get(`/api/invites/${token}`)).body).toEqual({ role: 'agent', setup: false, id: 'dora@test.parley', name: 'Dora' });
    expect((await anyone.post(`/api/invites/${token}`, { password: 'short' })).status).toBe(400);
    expect((await anyone.post(`/api/invites/${token}`, { password: 'a long enough password' })).status).toBe(201);
    expect((await anyone.post(`/api/invites/${token}`, { password: 'a long enough password' })).status).toBe(404);

    const dora = await connectAgent(server, 'dora@test.parley', { token: await signIn(server.http, 'dora@test.parley', 'a long enough password') });
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form: {} });
    const offer = await dora.client.next('offer');
    dora.client.send({ type: 'accept', conversationId: offer.offer.conversationId });
    expect((await dora.client.next('conversation')).conversation.status).toBe('active');

    const { body: record } = await admin.get('/api/admin/agents/dora@test.parley');
    expect((await admin.post('/api/admin/agents/dora@test.parley/sign-out', { version: record.version })).status).toBe(200);
    expect((await dora.client.closed).code).toBe(CloseCode.SIGNED_OUT);
    expect((await apiClient(server.http, dora.token).raw('DELETE', '/api/agent/sessions/current')).status).toBe(401);

    const { body: again } = await admin.get('/api/admin/agents/dora@test.parley');
    const reset = await admin.post('/api/admin/agents/dora@test.parley/reset-password', { version: again.version });
    expect(reset).toMatchObject({ status: 200, body: { agent: { hasPassword: false }, invite: { url: expect.any(String) } } });
    await expect(signIn(server.http, 'dora@test.parley', 'a long enough password')).rejects.toThrow('401');
  });

  it('disables an agent: signed out everywhere at once, and their next sign-in says why', async () => {
    const admin = await signInAdmin(server.http);
    const bob = await connectAgent(server, 'bob@test.parley');
    const { body: record } = await admin.get('/api/admin/agents/bob@test.parley');
    expect((await admin.put('/api/admin/agents/bob@test.parley', { version: record.version, agent: { ...record.agent, disabled: true } })).status).toBe(200);
    expect((await bob.client.closed).code).toBe(CloseCode.SIGNED_OUT);
    const refused = await apiClient(server.http, null).post('/api/agent/sessions', { id: 'bob@test.parley', password: TEST_PASSWORD });
    expect(refused).toMatchObject({ status: 403, body: { error: 'ACCOUNT_DISABLED' } });
  });

  it('refuses to delete a room while chats are open in it, and takes it out of its agents when it goes', async () => {
    const admin = await signInAdmin(server.http);
    const visitor = await connectVisitor(server, 'SALES');
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id;
    const { body: sales } = await admin.get('/api/admin/rooms/SALES');
    expect(await admin.delete(`/api/admin/rooms/SALES?version=${sales.version}`)).toMatchObject({ status: 409, body: { error: 'ROOM_BUSY' } });
    visitor.client.send({ type: 'end', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'ended');
    // Carol's only room is SALES: she needs another one first.
    const lonely = await admin.delete(`/api/admin/rooms/SALES?version=${sales.version}`);
    expect(lonely).toMatchObject({
      status: 400,
      body: { error: 'INVALID', issues: [{ record: 'agent:carol@test.parley', path: 'rooms', message: 'must list at least one room' }] },
    });
    const { body: carol } = await admin.get('/api/admin/agents/carol@test.parley');
    await admin.put('/api/admin/agents/carol@test.parley', { version: carol.version, agent: { ...carol.agent, rooms: ['GENERAL', 'SALES'] } });
    expect((await admin.delete(`/api/admin/rooms/SALES?version=${sales.version}`)).status).toBe(204);
    expect((await admin.get('/api/admin/agents/alice@test.parley')).body.agent.rooms).toEqual(['GENERAL']);
    expect((await fetch(`${server.http}/api/rooms/SALES/stats`)).status).toBe(404);
  });

  it('evaluates rules being edited: visible now, and when that changes next', async () => {
    const admin = await signInAdmin(server.http);
    const always = await admin.post('/api/admin/rooms/GENERAL/availability', { availability: { rules: [] }, timeZone: 'Europe/Paris' });
    expect(always.body).toMatchObject({ visibleNow: true, nextChange: null });
    const allWeek = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const hours = await admin.post('/api/admin/rooms/GENERAL/availability', {
      availability: { rules: [{ type: 'hours', days: allWeek, from: '00:00', to: '00:01' }] },
      timeZone: 'UTC',
    });
    expect(hours.body.nextChange).toMatchObject({ visible: !hours.body.visibleNow });
    expect(hours.body.nextChange.at - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
    const noAgents = await admin.post('/api/admin/rooms/GENERAL/availability', {
      availability: { rules: [{ type: 'readyAgents', atLeast: 1 }] },
      timeZone: 'UTC',
    });
    expect(noAgents.body).toMatchObject({ visibleNow: false, nextChange: null });
  });

  it('shows the supervisor the room live: who waits, agents on each client, today so far', async () => {
    const admin = await signInAdmin(server.http);
    const bob = await connectAgent(server, 'bob@test.parley');
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form: { name: 'Dana' } });
    const id = (await visitor.client.next('conversation')).conversation.id;
    const waiting = await admin.get('/api/admin/rooms/GENERAL/supervisor');
    expect(waiting.body.waiting).toEqual([{ conversationId: id, visitorName: 'Dana', waitingSince: expect.any(Number) }]);
    expect(waiting.body.agents).toContainEqual({ id: 'bob@test.parley', name: 'Bob', browser: 'WAITING_NEW_CALL', mobile: null });
    await bob.client.next('offer');
    bob.client.send({ type: 'accept', conversationId: id });
    await bob.client.next('conversation');
    bob.client.send({ type: 'message', conversationId: id, clientId: 'b-1', text: 'Hello Dana' });
    await bob.client.next('ack');
    const served = await admin.get('/api/admin/rooms/GENERAL/supervisor');
    expect(served.body.waiting).toEqual([]);
    expect(served.body.today).toMatchObject({ chats: 1, medianWaitMs: expect.any(Number), medianFirstResponseMs: expect.any(Number) });
  });

  it('takes a logo image for a room and serves it to any page; refuses what is not one', async () => {
    const PNG = solidPng(16, 16, [200, 30, 30]);
    const admin = await signInAdmin(server.http);
    const uploaded = await admin.upload('/api/admin/rooms/GENERAL/logo', new Uint8Array(PNG), 'image/png');
    expect(uploaded.status).toBe(201);
    const path = new URL(uploaded.body.logoUrl).pathname;
    const logo = await fetch(`${server.http}${path}`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(PNG);
    expect((await admin.upload('/api/admin/rooms/GENERAL/logo', new TextEncoder().encode('<svg onload=alert(1)>'), 'image/svg+xml')).status).toBe(415);
    expect((await admin.upload('/api/admin/rooms/GENERAL/logo', new Uint8Array(600 * 1024), 'image/png')).status).toBe(413);
  });
});

describe('the first admin', () => {
  it('is made from the setup link printed at the first start of a store with no admin; the link works once', async () => {
    const server = await startTestServer({ transport: 'uws', file: { ...testFile, admins: [] } });
    try {
      expect(server.setupUrl).toMatch(/\/admin\/#invite=/);
      const token = server.setupUrl!.split('#invite=')[1]!;
      const anyone = apiClient(server.http, null);
      expect((await anyone.get(`/api/invites/${token}`)).body).toEqual({ role: 'admin', setup: true, id: null, name: null });
      expect((await anyone.post(`/api/invites/${token}`, { password: 'a long enough password' })).status).toBe(400);
      const made = await anyone.post(`/api/invites/${token}`, { id: 'Owner@Example.com', name: 'Owner', password: 'a long enough password' });
      expect(made).toMatchObject({ status: 201, body: { role: 'admin', token: expect.any(String) } });
      expect((await anyone.post(`/api/invites/${token}`, { id: 'x@example.com', name: 'X', password: 'a long enough password' })).status).toBe(404);
      const owner = await signInAdmin(server.http, 'owner@example.com', 'a long enough password');
      expect((await owner.get('/api/admin/me')).body).toMatchObject({ admin: { id: 'owner@example.com', name: 'Owner' } });
    } finally {
      await server.stop();
    }
  });
});
