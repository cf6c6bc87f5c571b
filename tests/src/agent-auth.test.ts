import { CloseCode } from '@parley/shared';
import { expect, it } from 'vitest';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor, signIn } from './support/parties.js';

async function attempt(http: string, id: string, password: string, from?: string) {
  const response = await fetch(`${http}/api/agent/sessions`, {
    method: 'POST',
    // Behind a trusted proxy (TRUST_PROXY) the address is the one the proxy forwards.
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ id, password }),
  });
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after') };
}

overTransports('agent sign-in and sign-out', (transport) => {
  const server = serverPerTest(transport);

  it('answers a wrong password with a plain message, and slows down repeated failures', async () => {
    const wrong = await attempt(server().http, 'bob@test.parley', 'nope');
    expect(wrong).toMatchObject({ status: 401, body: { error: 'BAD_CREDENTIALS', message: 'Wrong email or password.' } });
    expect((await attempt(server().http, 'nobody@test.parley', 'nope')).status).toBe(401);
    for (let i = 0; i < 4; i++) await attempt(server().http, 'bob@test.parley', 'nope');
    const throttled = await attempt(server().http, 'bob@test.parley', 'parley-demo');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.retryAfter)).toBeGreaterThan(0);
    expect(throttled.body.message).toMatch(/Try again in \d+ seconds/);
    expect((await attempt(server().http, 'alice@test.parley', 'parley-demo')).status).toBe(429);
  });

  it('accepts ids in any case, and rejects malformed sign-in bodies clearly', async () => {
    expect((await attempt(server().http, 'Alice@Test.Parley', 'parley-demo')).status).toBe(201);
    const malformed = await fetch(`${server().http}/api/agent/sessions`, { method: 'POST', body: 'id=alice' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'BAD_JSON' });
  });

  it("signing out one session leaves the agent's other session as it was: its socket, status, chat and messages", async () => {
    const laptop = await signIn(server().http, 'bob@test.parley');
    const desktop = await signIn(server().http, 'bob@test.parley');
    const leaving = await connectAgent(server(), 'bob@test.parley', { token: laptop });
    const staying = await connectAgent(server(), 'bob@test.parley', { token: desktop });
    const visitor = await connectVisitor(server());
    visitor.client.send({ type: 'start', form: {} });
    const id = (await staying.client.next('offer')).offer.conversationId as string;
    staying.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');

    const response = await fetch(`${server().http}/api/agent/sessions/current`, { method: 'DELETE', headers: { authorization: `Bearer ${laptop}` } });
    expect(response.status).toBe(204);
    expect((await leaving.client.closed).code).toBe(CloseCode.SIGNED_OUT);

    // The other session goes on: its chat was not given back (it can still write there), and it sets its status.
    staying.client.send({ type: 'message', conversationId: id, clientId: 'still-here', text: 'Still here' });
    expect((await staying.client.next('ack')).clientId).toBe('still-here');
    expect((await visitor.client.next('message', (f) => f.message.kind === 'text')).message.text).toBe('Still here');
    staying.client.send({ type: 'status', status: 'TAKING_BREAK' });
    expect((await staying.client.next('status', (f) => f.statuses.browser === 'TAKING_BREAK')).statuses.browser).toBe('TAKING_BREAK');
  });

  it("signing out closes every socket of that session at once, and the agent's chats go back to the queue", async () => {
    const token = await signIn(server().http, 'bob@test.parley');
    const tab1 = await connectAgent(server(), 'bob@test.parley', { token });
    const tab2 = await connectAgent(server(), 'bob@test.parley', { token });
    const visitor = await connectVisitor(server());
    visitor.client.send({ type: 'start', form: {} });
    const offer = await tab1.client.next('offer');
    tab1.client.send({ type: 'accept', conversationId: offer.offer.conversationId });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');

    const response = await fetch(`${server().http}/api/agent/sessions/current`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(204);
    expect((await tab1.client.closed).code).toBe(CloseCode.SIGNED_OUT);
    expect((await tab2.client.closed).code).toBe(CloseCode.SIGNED_OUT);
    expect((await visitor.client.next('conversation', (f) => f.conversation.status === 'waiting')).conversation.agentName).toBeNull();
    const again = await fetch(`${server().http}/api/agent/sessions/current`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
  });
});

overTransports('sign-in throttling behind a proxy (addresses apart)', (transport) => {
  const server = serverPerTest(transport, { env: { TRUST_PROXY: 'true' } });
  const guesser = '203.0.113.5';
  const agentsOwn = '198.51.100.7';

  it("cannot lock an agent out: failures from one address do not block the right password from the agent's own address", async () => {
    for (let i = 0; i < 12; i++) await attempt(server().http, 'bob@test.parley', 'guess', guesser);
    expect((await attempt(server().http, 'bob@test.parley', 'parley-demo', guesser)).status).toBe(429);
    expect((await attempt(server().http, 'bob@test.parley', 'parley-demo', agentsOwn)).status).toBe(201);
  });

  it('slows a guesser who moves to a fresh address after its first failure there', async () => {
    for (let i = 0; i < 12; i++) await attempt(server().http, 'bob@test.parley', 'guess', guesser);
    const fresh = '192.0.2.44';
    expect((await attempt(server().http, 'bob@test.parley', 'guess', fresh)).status).toBe(401);
    const next = await attempt(server().http, 'bob@test.parley', 'guess', fresh);
    expect(next.status).toBe(429);
    // The address that never failed is not slowed, for this account or another.
    expect((await attempt(server().http, 'alice@test.parley', 'parley-demo', agentsOwn)).status).toBe(201);
  });
});
