import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/core/fake-clock.js';
import { EMAIL_FROM, emailRooms, unsent } from './support/email-rooms.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './support/smtp-sink.js';

/**
 * "Add Alert" end to end, on a real SMTP server: the server runs on a fake clock, so the wait
 * between an agent becoming ready and the visitor's email (the room's offer timeout, 30 s) is
 * stepped through rather than slept.
 */
describe('email alerts', () => {
  let sink: SmtpSink;
  let server: TestServer;
  const clock = new FakeClock(Date.UTC(2026, 11, 6, 9));
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({
      transport: 'ws',
      store: 'embedded',
      // The shop's own site: the only pages an alert may link back to.
      file: { ...emailRooms, rooms: emailRooms.rooms.map((room) => (room.name === 'GENERAL' ? { ...room, whitelistedDomains: ['shop.test'] } : room)) },
      clock,
      env: { SMTP_URL: sink.url, EMAIL_FROM, EMAIL_PER_NETWORK_PER_HOUR: '1000' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  /** What the outbox holds has gone to the SMTP server (the clock moves a little each look, as the outbox runs on it). */
  const mailsTo = async (address: string): Promise<ReceivedMail[]> => {
    await expect
      .poll(
        () => {
          clock.advance(100);
          return unsent(server.store);
        },
        { timeout: 10_000 },
      )
      .toBe(0);
    return sink.to(address);
  };

  /** A visitor on the shop's site, waiting, who asked for an alert; their page says `page` (default: https://shop.test/pricing). */
  async function waitingVisitor(name: string, email: string, page?: string) {
    const visitor = await connectVisitor(server, 'GENERAL', undefined, { origin: 'https://shop.test' });
    visitor.client.send({ type: 'start', form: { name, email }, ...(page ? { context: { url: page } } : {}) });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    visitor.client.send({ type: 'emailAlert', clientId: `alert-${email.split('@')[0]}`, conversationId: id });
    expect(await visitor.client.next('emailQueued')).toMatchObject({ request: 'alert', to: email });
    return { visitor, id };
  }

  it('opted-in agents are emailed at once; the visitor once an agent became ready and left the chat waiting through the offer timeout, with a link to the page they waited on', async () => {
    // Alice turns email alerts on in her console; Bob leaves them off. Neither is ready.
    const alice = await connectAgent(server, 'alice@acme.test', { status: 'TAKING_BREAK' });
    expect(await alice.client.next('preferences')).toEqual({ type: 'preferences', emailAlerts: false, emailAlertsAvailable: true });
    alice.client.send({ type: 'preferences', emailAlerts: true });
    expect(await alice.client.next('preferences')).toMatchObject({ emailAlerts: true });
    alice.client.close();

    const { visitor, id } = await waitingVisitor('Wendy <i>Wait</i>', 'wendy@example.com');
    // A page address no site of the room's has (what the visitor's browser says can be anything).
    const mallory = await waitingVisitor('Mallory', 'target@example.com', 'https://evil.example/sign-in');
    const [toAlice] = await mailsTo('alice@acme.test');
    expect(toAlice?.header('subject')).toBe('A visitor is waiting in Shop help');
    expect(toAlice?.html).toContain('Wendy &lt;i&gt;Wait&lt;/i&gt; is waiting in Shop help');
    expect(sink.to('bob@acme.test')).toHaveLength(0);
    expect(sink.to('wendy@example.com')).toHaveLength(0);

    // Bob becomes ready and is offered the chat, but does not take it: after the offer timeout the visitor hears of him.
    const bob = await connectAgent(server, 'bob@acme.test');
    bob.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await bob.client.next('offer', (f) => f.offer.conversationId === id);
    clock.advance(29_000);
    expect(await mailsTo('wendy@example.com')).toHaveLength(0);
    clock.advance(1_000);
    await expect
      .poll(
        () => {
          clock.advance(100);
          return sink.to('wendy@example.com').length;
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    const [toWendy] = sink.to('wendy@example.com');
    expect(toWendy?.header('subject')).toBe('Acme <Bikes> & Co: someone is free to chat now');
    // The page her chat is on (its widget knows her), not Parley's own chat page.
    expect(toWendy?.text).toContain('https://shop.test/pricing');
    expect(toWendy?.text).not.toContain('/chat/GENERAL');
    // A page of a site the room does not list is never linked: Parley's own chat page instead.
    await expect
      .poll(
        () => {
          clock.advance(100);
          return sink.to('target@example.com').length;
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    expect(sink.to('target@example.com')[0]?.text).toContain('/chat/GENERAL');
    expect(sink.to('target@example.com')[0]?.text).not.toContain('evil.example');
    expect(sink.to('bob@acme.test')).toHaveLength(0);
    bob.client.send({ type: 'status', status: 'TAKING_BREAK' });
    await bob.client.next('status', (f) => f.statuses.browser === 'TAKING_BREAK');
    // The alerts see him go (on the clock's next tick), so his next "ready" counts as new.
    clock.advance(1);
    bob.client.close();
    for (const party of [mallory, { visitor, id }]) {
      party.visitor.client.send({ type: 'end', conversationId: party.id });
      await party.visitor.client.next('conversation', (f) => f.conversation.status === 'ended');
    }
  });

  it('an agent who takes the chat within the offer timeout of becoming ready: no email to the visitor', async () => {
    const { visitor, id } = await waitingVisitor('Quinn', 'quinn@example.com');
    const bob = await connectAgent(server, 'bob@acme.test');
    bob.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await bob.client.next('offer', (f) => f.offer.conversationId === id);
    // The alerts look at who became ready on the clock's next tick: Bob did.
    clock.advance(1);
    bob.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    const heldFor = async () => {
      clock.advance(5_000);
      return (await server.store.outbox.unfinished()).filter((r) => r.hold?.conversationId === id).length;
    };
    await expect.poll(heldFor).toBe(0);
    expect(await mailsTo('quinn@example.com')).toHaveLength(0);
    bob.client.send({ type: 'end', conversationId: id });
    await bob.client.next('conversation', (f) => f.conversation.status === 'ended');
    bob.client.close();
  });

  it('an agent ready already (offered the chat) does not set the alert off, and once the chat is taken it is dropped', async () => {
    const bob = await connectAgent(server, 'bob@acme.test');
    bob.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await bob.client.next('status', (f) => f.statuses.browser === 'WAITING_NEW_CALL');
    const visitor = await connectVisitor(server, 'GENERAL', undefined, { origin: 'https://shop.test' });
    visitor.client.send({ type: 'start', form: { name: 'Olga', email: 'olga@example.com' } });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    await bob.client.next('offer', (f) => f.offer.conversationId === id);
    visitor.client.send({ type: 'emailAlert', clientId: 'alert-2', conversationId: id });
    await visitor.client.next('emailQueued');
    const heldFor = async () => {
      clock.advance(5_000);
      return (await server.store.outbox.unfinished()).filter((r) => r.hold?.conversationId === id).length;
    };
    expect(await heldFor()).toBe(1);

    bob.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    // Alice becomes ready: the alert's chat is taken, so it is dropped instead of sent.
    const alice = await connectAgent(server, 'alice@acme.test');
    alice.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await expect.poll(heldFor).toBe(0);
    expect(await mailsTo('olga@example.com')).toHaveLength(0);
    for (const agent of [alice, bob]) agent.client.close();
  });
});
