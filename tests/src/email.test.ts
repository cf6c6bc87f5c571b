import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_FROM, emailRooms, unsent } from './support/email-rooms.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { solidPng } from './support/png.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './support/smtp-sink.js';

/**
 * Email end to end: a real Parley (in this process) sending through a real SMTP server on
 * loopback, driven over the visitor and agent protocols as the widget and the console would.
 */
describe('email through a real SMTP server', () => {
  let sink: SmtpSink;
  let server: TestServer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({
      transport: 'uws',
      store: 'embedded',
      file: emailRooms,
      // Every visitor here comes from 127.0.0.1: the per-network limit is tested on its own below.
      env: { SMTP_URL: sink.url, EMAIL_FROM, EMAIL_PER_ADDRESS_PER_HOUR: '3', EMAIL_PER_VISITOR_PER_HOUR: '5', EMAIL_PER_NETWORK_PER_HOUR: '1000' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  /** Every email recorded so far has been handed to the SMTP server: nothing more will arrive. */
  const allSent = () => expect.poll(() => unsent(server.store), { timeout: 10_000 }).toBe(0);
  const mailsTo = async (address: string): Promise<ReceivedMail[]> => {
    await allSent();
    return sink.to(address);
  };

  /** A visitor served by `agentId` until the visitor ends the chat. */
  async function servedChat(agentId: string, form: Record<string, string>) {
    const agent = await connectAgent(server, agentId);
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    await agent.client.next('offer', (f) => f.offer.conversationId === id);
    agent.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    return { agent, visitor, id };
  }

  it('offers the room’s email features in its widget settings, and none in a room without them', async () => {
    const general = await (await fetch(`${server.http}/api/rooms/GENERAL/widget`)).json();
    const quiet = await (await fetch(`${server.http}/api/rooms/QUIET/widget`)).json();
    expect(general.email).toEqual({ transcript: true, leaveMessage: true, alert: true });
    expect(quiet.email).toEqual({ transcript: false, leaveMessage: false, alert: false });
  });

  it('emails the transcript with every message in order, names and text escaped, files as links only the key opens', async () => {
    const { agent, visitor, id } = await servedChat('alice@acme.test', { name: 'Dana <b>Rider</b>', email: 'dana@example.com' });
    const say = async (client: typeof visitor.client, clientId: string, text: string) => {
      client.send({ type: 'message', conversationId: id, clientId, text });
      await client.next('ack', (f) => f.clientId === clientId);
    };
    await say(visitor.client, 'v1', 'Hello <script>alert(1)</script>');
    await say(agent.client, 'a1', 'Hi Dana & welcome');
    const png = solidPng(2, 2, [200, 30, 30]);
    const upload = await fetch(`${server.http}/api/conversations/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visitor.token}`, 'x-client-id': 'f1', 'x-file-name': encodeURIComponent('brakes <1>.png') },
      body: new Uint8Array(png),
    });
    expect(upload.status).toBe(201);
    await say(visitor.client, 'v2', 'Line one\nLine two');
    visitor.client.send({ type: 'end', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'ended');
    agent.client.close();

    visitor.client.send({ type: 'emailTranscript', clientId: 'tr-1', conversationId: id });
    expect(await visitor.client.next('emailQueued')).toEqual({ type: 'emailQueued', clientId: 'tr-1', request: 'transcript', to: 'dana@example.com' });
    const [mail] = await mailsTo('dana@example.com');
    const [copy] = sink.to('archive@acme.test');
    expect(mail).toBeDefined();
    expect(copy?.text).toBe(mail!.text);
    expect(mail!.envelope).toEqual({ from: EMAIL_FROM, to: ['dana@example.com'] });
    expect(mail!.header('from')).toBe(`"Acme <Bikes> & Co" <${EMAIL_FROM}>`);
    expect(mail!.header('reply-to')).toContain('<hello@acme.test>');
    expect(mail!.header('subject')).toBe('Your chat with Acme <Bikes> & Co');
    expect(mail!.header('message-id')).not.toBe(copy!.header('message-id'));

    // Plain text: every message and event, in order.
    const lines = mail!.text!.split('\n').filter((line) => line.startsWith('['));
    expect(lines.map((line) => line.replace(/^\[[^\]]+\] /, ''))).toEqual([
      'Alice <Ops> & "Co" joined the chat.',
      'Dana <b>Rider</b>: Hello <script>alert(1)</script>',
      'Alice <Ops> & "Co": Hi Dana & welcome',
      expect.stringMatching(/^Dana <b>Rider<\/b>: sent a file brakes <1>\.png \(\d+ B\) <http:\/\/127\.0\.0\.1\/api\/files\/[\w-]+\?key=[\w-]+>$/),
      'Dana <b>Rider</b>: Line one',
      'The visitor ended the chat.',
    ]);
    expect(mail!.text).toContain('Line one\nLine two');

    // HTML: the same, with every name and text escaped, in the same order.
    const html = mail!.html!;
    expect(html).not.toMatch(/<script|<b>|<Ops>|<1>/);
    const inOrder = [
      'Alice &lt;Ops&gt; &amp; &quot;Co&quot; joined the chat.',
      'Dana &lt;b&gt;Rider&lt;/b&gt;</strong>: Hello &lt;script&gt;alert(1)&lt;/script&gt;',
      'Hi Dana &amp; welcome',
      'brakes &lt;1&gt;.png</a>',
      'Line one<br>Line two',
      'The visitor ended the chat.',
    ];
    const positions = inOrder.map((part) => html.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    // The link downloads the file without signing in; its key opens nothing else.
    const link = new URL(/<(http[^>]+)>/.exec(lines[3]!)![1]!);
    const download = await fetch(`${server.http}${link.pathname}${link.search}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${server.http}${link.pathname}?key=not-the-key`)).status).toBe(404);
    expect((await fetch(`${server.http}${link.pathname}`)).status).toBe(401);

    // Asking again records nothing new; another address gets its own, and the room's copy stays one.
    visitor.client.send({ type: 'emailTranscript', clientId: 'tr-2', conversationId: id });
    await visitor.client.next('emailQueued', (f) => f.clientId === 'tr-2');
    visitor.client.send({ type: 'emailTranscript', clientId: 'tr-3', conversationId: id, email: 'dana.rider@example.org' });
    await visitor.client.next('emailQueued', (f) => f.clientId === 'tr-3');
    expect(await mailsTo('dana.rider@example.org')).toHaveLength(1);
    expect(sink.to('dana@example.com')).toHaveLength(1);
    expect(sink.to('archive@acme.test')).toHaveLength(1);
  });

  it('refuses a transcript before the chat ends, without an agent, or without an address', async () => {
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form: { name: 'No Email' } });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    visitor.client.send({ type: 'emailTranscript', clientId: 'early', conversationId: id, email: 'early@example.com' });
    expect(await visitor.client.next('error', (f) => f.ref === 'early')).toMatchObject({ code: 'EMAIL_UNAVAILABLE' });
    visitor.client.send({ type: 'end', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'ended');
    visitor.client.send({ type: 'emailTranscript', clientId: 'no-agent', conversationId: id, email: 'early@example.com' });
    expect(await visitor.client.next('error', (f) => f.ref === 'no-agent')).toMatchObject({
      code: 'EMAIL_UNAVAILABLE',
      message: expect.stringContaining('nobody answered'),
    });
    const other = await connectVisitor(server);
    other.client.send({ type: 'emailTranscript', clientId: 'not-mine', conversationId: id, email: 'thief@example.com' });
    expect(await other.client.next('error', (f) => f.ref === 'not-mine')).toMatchObject({ code: 'NOT_YOUR_CONVERSATION' });

    const served = await servedChat('bob@acme.test', { name: 'No Email' });
    served.agent.client.send({ type: 'end', conversationId: served.id });
    await served.visitor.client.next('conversation', (f) => f.conversation.status === 'ended');
    served.agent.client.close();
    served.visitor.client.send({ type: 'emailTranscript', clientId: 'no-address', conversationId: served.id });
    expect(await served.visitor.client.next('error', (f) => f.ref === 'no-address')).toMatchObject({ code: 'EMAIL_ADDRESS_INVALID' });
    expect(await mailsTo('early@example.com')).toHaveLength(0);
  });

  it('sends a left message to both semicolon-separated sales addresses, as an ADF lead to the XML address, and a receipt to the visitor', async () => {
    const visitor = await connectVisitor(server);
    const message = 'Do you rent <tandem> bikes & trailers?';
    visitor.client.send({ type: 'leaveMessage', clientId: 'lead-1', name: 'Sam Rider', email: 'sam@example.com', message });
    expect(await visitor.client.next('emailQueued')).toEqual({ type: 'emailQueued', clientId: 'lead-1', request: 'message', to: 'sam@example.com' });

    const [sales] = await mailsTo('sales@acme.test');
    const [boss] = sink.to('boss@acme.test');
    for (const lead of [sales, boss]) {
      expect(lead?.header('subject')).toBe('Message from Sam Rider (Shop help)');
      expect(lead?.header('reply-to')).toBe('Sam Rider <sam@example.com>');
      expect(lead?.text).toContain(message);
      expect(lead?.html).toContain('Do you rent &lt;tandem&gt; bikes &amp; trailers?');
    }
    expect(sales!.envelope.to).toEqual(['sales@acme.test']);
    expect(boss!.envelope.to).toEqual(['boss@acme.test']);

    const [adf] = sink.to('crm@dealer.test');
    expect(adf?.html).toBeNull();
    const document = new new Window().DOMParser().parseFromString(adf!.text!, 'application/xml');
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(adf!.text!.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<adf>')).toBe(true);
    expect(document.querySelector('prospect > provider > name')?.textContent).toBe('Website Parley');
    expect(document.querySelector('prospect > provider > service')?.textContent).toBe('Parley chat');
    expect(document.querySelector('customer > contact > email')?.textContent).toBe('sam@example.com');
    expect(document.querySelector('customer > contact > name')?.textContent).toBe('Sam Rider');
    expect(document.querySelector('customer > comments')?.textContent).toBe(message);
    expect(document.querySelector('vendor > vendorname')?.textContent).toBe('Acme <Bikes> & Co');
    expect(document.querySelector('prospect > vehicle')).not.toBeNull();

    const [receipt] = sink.to('sam@example.com');
    expect(receipt?.header('subject')).toBe('Acme <Bikes> & Co: we received your message');
    expect(receipt?.text).not.toContain('tandem');

    // The same request again (a resend after a reconnect) sends nothing more.
    visitor.client.send({ type: 'leaveMessage', clientId: 'lead-1', name: 'Sam Rider', email: 'sam@example.com', message });
    await visitor.client.next('emailQueued');
    expect((await mailsTo('sales@acme.test')).length).toBe(1);
    expect(sink.to('crm@dealer.test').length).toBe(1);
  });

  it('a newline in a name sends nothing extra: no header of its own, no other recipient', async () => {
    const before = sink.mails.length;
    const visitor = await connectVisitor(server);
    const name = 'Mallory\r\nBcc: victim@evil.test\r\nSubject: you won';
    visitor.client.send({ type: 'leaveMessage', clientId: 'inject-1', name, email: 'mallory@example.com', message: 'hi\r\n.\r\nMAIL FROM:<x@evil.test>' });
    await visitor.client.next('emailQueued');
    visitor.client.send({ type: 'leaveMessage', clientId: 'inject-2', name: 'Eve', email: 'eve@example.com\r\nBcc: victim@evil.test', message: 'hi' });
    expect(await visitor.client.next('error', (f) => f.ref === 'inject-2')).toMatchObject({ code: 'BAD_FRAME' });
    await allSent();

    const sent = sink.mails.slice(before);
    expect(sent.map((m) => m.envelope.to[0]).sort()).toEqual(['boss@acme.test', 'crm@dealer.test', 'mallory@example.com', 'sales@acme.test']);
    for (const mail of sent) {
      expect(mail.envelope.to).toHaveLength(1);
      expect(
        mail.headerLines
          .filter((line) => /^(bcc|cc|to|subject):/i.test(line))
          .map((line) => line.split(':')[0]!.toLowerCase())
          .sort(),
      ).toEqual(['subject', 'to']);
      expect(mail.headerLines.some((line) => /^bcc:/i.test(line))).toBe(false);
    }
    expect(sink.to('sales@acme.test').at(-1)!.header('subject')).toBe('Message from Mallory Bcc: victim@evil.test Subject: you won (Shop help)');
    expect(sink.to('sales@acme.test').at(-1)!.header('reply-to')).toBe('"Mallory Bcc: victim@evil.test Subject: you won" <mallory@example.com>');
    expect(sink.to('victim@evil.test')).toHaveLength(0);
  });

  it('limits emails per visitor and per address, with an error that says so', async () => {
    // Three visitors may write to one address three times an hour; the fourth is refused.
    for (const n of [1, 2, 3]) {
      const visitor = await connectVisitor(server);
      visitor.client.send({ type: 'leaveMessage', clientId: `victim-${n}`, name: 'Spam', email: 'target@example.com', message: 'buy now' });
      await visitor.client.next('emailQueued');
    }
    const fourth = await connectVisitor(server);
    fourth.client.send({ type: 'leaveMessage', clientId: 'victim-4', name: 'Spam', email: 'target@example.com', message: 'buy now' });
    expect(await fourth.client.next('error', (f) => f.ref === 'victim-4')).toMatchObject({
      code: 'EMAIL_RATE_LIMITED',
      message: expect.stringMatching(/This address .* try again in \d+ minutes/),
    });

    // One visitor may ask for five emails an hour, whatever the addresses.
    const busy = await connectVisitor(server);
    for (const n of [1, 2, 3, 4, 5]) {
      busy.client.send({ type: 'leaveMessage', clientId: `busy-${n}`, name: 'Busy', email: `busy${n}@example.com`, message: 'hello' });
      await busy.client.next('emailQueued', (f) => f.clientId === `busy-${n}`);
    }
    busy.client.send({ type: 'leaveMessage', clientId: 'busy-6', name: 'Busy', email: 'busy6@example.com', message: 'hello' });
    expect(await busy.client.next('error', (f) => f.ref === 'busy-6')).toMatchObject({
      code: 'EMAIL_RATE_LIMITED',
      message: expect.stringContaining('You have asked for several emails'),
    });
    expect(await mailsTo('target@example.com')).toHaveLength(3);
    expect(sink.to('busy6@example.com')).toHaveLength(0);
  });
});

describe('without a mail server', () => {
  it('offers no email feature and refuses email requests', async () => {
    const server = await startTestServer({ transport: 'ws', file: emailRooms });
    try {
      const settings = await (await fetch(`${server.http}/api/rooms/GENERAL/widget`)).json();
      expect(settings.email).toEqual({ transcript: false, leaveMessage: false, alert: false });
      const visitor = await connectVisitor(server);
      visitor.client.send({ type: 'leaveMessage', clientId: 'off-1', name: 'Sam', email: 'sam@example.com', message: 'hello' });
      expect(await visitor.client.next('error', (f) => f.ref === 'off-1')).toMatchObject({ code: 'EMAIL_UNAVAILABLE' });
      const agent = await connectAgent(server, 'alice@acme.test', { status: 'TAKING_BREAK' });
      expect(await agent.client.next('preferences')).toEqual({ type: 'preferences', emailAlerts: false, emailAlertsAvailable: false });
      expect(await server.store.outbox.unfinished()).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('email limits that a new visitor id does not reset', () => {
  let sink: SmtpSink;
  let server: TestServer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({
      transport: 'ws',
      store: 'memory',
      file: emailRooms,
      // Behind a trusted proxy: each visitor's address is the one it forwards.
      env: { SMTP_URL: sink.url, EMAIL_FROM, TRUST_PROXY: 'true', EMAIL_PER_NETWORK_PER_HOUR: '3', EMAIL_PER_ROOM_PER_HOUR: '5' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  /** A fresh visitor (no token) from `address` leaves a message; the frame it gets back. */
  async function leaveMessage(address: string, n: number) {
    const visitor = await connectVisitor(server, 'GENERAL', undefined, { 'x-forwarded-for': address });
    const clientId = `m-${n}`;
    visitor.client.send({ type: 'leaveMessage', clientId, name: 'Someone', email: `someone${n}@example.com`, message: 'hello' });
    const answered = () => visitor.client.frames.find((f) => f.type === 'emailQueued' || (f.type === 'error' && f.ref === clientId));
    await expect.poll(answered, { timeout: 5_000 }).toBeTruthy();
    visitor.client.close();
    return answered()!;
  }

  it('counts per network address, and caps what reaches the room’s own addresses in an hour', async () => {
    for (const n of [1, 2, 3]) expect(await leaveMessage('203.0.113.9', n)).toMatchObject({ type: 'emailQueued' });
    expect(await leaveMessage('203.0.113.9', 4)).toMatchObject({
      code: 'EMAIL_RATE_LIMITED',
      message: expect.stringContaining('You have asked for several emails'),
    });
    // Other addresses are not slowed by that one, until the room has had its five for the hour.
    expect((await leaveMessage('198.51.100.1', 5)).type).toBe('emailQueued');
    expect((await leaveMessage('198.51.100.2', 6)).type).toBe('emailQueued');
    expect(await leaveMessage('198.51.100.3', 7)).toMatchObject({ code: 'EMAIL_RATE_LIMITED', message: expect.stringContaining('many messages lately') });
    await expect.poll(() => unsent(server.store), { timeout: 10_000 }).toBe(0);
    expect(sink.to('sales@acme.test')).toHaveLength(5);
    expect(sink.to('someone4@example.com')).toHaveLength(0);
    expect(sink.to('someone7@example.com')).toHaveLength(0);
  });
});
