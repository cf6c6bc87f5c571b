import { WidgetSettings } from '@parley/shared';
import { expect, it } from 'vitest';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent } from './support/parties.js';
import { TestClient } from './support/test-client.js';
import { widgetRooms } from './support/widget-rooms.js';

/** What the widget's server side promises, over real sockets on both transports. */
overTransports('the widget API', (transport) => {
  const server = serverPerTest(transport, { file: widgetRooms }, 'suite');

  const settings = (room: string, headers: Record<string, string> = {}) => fetch(`${server().http}/api/rooms/${room}/widget`, { headers });

  it('serves a room’s public settings to allowed pages, with CORS for their origin only and nothing secret', async () => {
    const response = await settings('GENERAL', { origin: 'http://localhost:3000' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const text = await response.text();
    expect(text).not.toContain('statsKey');
    expect(text).not.toContain('integration-stats-key');
    const body = WidgetSettings.parse(JSON.parse(text));
    expect(body).toMatchObject({
      room: 'GENERAL',
      available: true,
      language: 'en',
      branding: { companyName: 'Acme Bikes', header: 'Talk to Acme', agentRole: 'Mechanic' },
      theme: { primaryColor: '#0a7d4f', fontFamily: 'Georgia, serif' },
      smsNumber: '+1 555 010 0199',
    });
    expect(body.welcomeForm.map((field) => field.key)).toEqual(['name', 'email', 'phone', 'topic', 'question', 'terms', 'customerId']);

    const again = await settings('GENERAL', { origin: 'http://localhost:3000', 'if-none-match': response.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('refuses other sites before anything else, and leaves Parley’s own pages alone', async () => {
    const foreign = await settings('GENERAL', { origin: 'http://127.0.0.1:3000' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await settings('GENERAL')).status).toBe(403);
    expect((await settings('GENERAL', { origin: server().http })).status).toBe(200);
    expect((await settings('NOPE', { origin: 'http://localhost:3000' })).status).toBe(404);
    expect(await TestClient.refusal(`${server().ws}/ws/visitor?room=GENERAL`, { origin: 'http://127.0.0.1:3000' })).toBe(403);
    expect(await TestClient.refusal(`${server().ws}/ws/visitor?room=GENERAL`, { origin: server().http })).toBe(101);
    // A site whose name leads to this server (DNS rebinding) is not one of Parley's own pages.
    const rebound = `rebound.example:${new URL(server().http).port}`;
    expect(await TestClient.refusal(`${server().ws}/ws/visitor?room=GENERAL`, { origin: `http://${rebound}`, host: rebound })).toBe(403);
  });

  it('pushes availability to pages that have not said hello, and refuses to start while unavailable', async () => {
    const page = await TestClient.connect(`${server().ws}/ws/visitor?room=STAFFED`);
    expect(await page.next('availability')).toMatchObject({ available: false });
    expect((await (await settings('STAFFED')).json()).available).toBe(false);

    page.send({ type: 'hello' });
    await page.next('welcome');
    page.send({ type: 'start', form: {} });
    expect(await page.next('error')).toMatchObject({ code: 'ROOM_UNAVAILABLE' });

    const agent = await connectAgent(server(), 'bob@test.parley');
    expect(await page.next('availability')).toMatchObject({ available: true });
    page.send({ type: 'start', form: { name: '  Zoé  ' } });
    expect((await page.next('conversation')).conversation.status).toBe('waiting');
    expect((await agent.client.next('offer')).offer.form).toEqual({ name: 'Zoé' });

    agent.client.send({ type: 'status', status: 'TAKING_BREAK' });
    expect(await page.next('availability')).toMatchObject({ available: false });
    page.close();
    agent.client.close();
  });

  it('checks the welcome form with the widget’s rules and says what is wrong', async () => {
    const page = await TestClient.connect(`${server().ws}/ws/visitor?room=GENERAL`, { origin: 'http://localhost:3000' });
    page.send({ type: 'hello' });
    await page.next('welcome');
    page.send({ type: 'start', form: { name: 'Ann', email: 'ann@', terms: false, sneaky: 'x' } });
    const refusal = await page.next('error');
    expect(refusal.code).toBe('FORM_INVALID');
    expect(refusal.message).toBe(
      'Email: must be an email address like name@example.com; I agree to the chat being recorded: is required; sneaky: is not a field of this form',
    );
    page.send({ type: 'start', form: { name: 'Ann', email: 'ann@example.com', terms: true, customerId: 'C-42' } });
    expect((await page.next('conversation')).conversation.status).toBe('waiting');
    page.close();
  });

  it('serves the hosted chat page for rooms and agents’ private rooms', async () => {
    const room = await fetch(`${server().http}/chat/GENERAL`);
    expect(room.status).toBe(200);
    expect(room.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await room.text();
    expect(html).toContain('<script src="/widget.js" data-room="GENERAL" data-layout="page" async></script>');
    expect(html).toContain('<title>Shop help</title>');
    const own = await fetch(`${server().http}/chat/AGENT-ALICE`);
    expect(await own.text()).toContain('<title>Alice – Shop help</title>');
    const missing = await fetch(`${server().http}/chat/%3Cscript%3E`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('&lt;script&gt;');
    const privateSettings = WidgetSettings.parse(await (await settings('AGENT-ALICE', { origin: 'http://localhost:1' })).json());
    expect(privateSettings).toMatchObject({ room: 'AGENT-ALICE', privateAgent: 'Alice', branding: { header: 'Talk to Acme' } });
  });
});
