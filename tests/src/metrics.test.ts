import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/core/fake-clock.js';
import { EMAIL_FROM, emailRooms } from './support/email-rooms.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { freePort, type SmtpSink, startSmtpSink } from './support/smtp-sink.js';

const TOKEN = 'metrics-secret-0123456789';

type Family = { name: string; type: string; metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string> }[] };

/** One scrape, parsed by a Prometheus text-format parser, as `value(name, labels)`. */
async function scrape(url: string, token: string | null = TOKEN) {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheusTextFormat(await response.text()) as Family[];
  const family = (name: string) => families.find((f) => f.name === name);
  const matching = (name: string, labels: Record<string, string>) =>
    family(name)?.metrics.find((m) => Object.entries(labels).every(([key, value]) => m.labels?.[key] === value));
  return {
    names: families.map((f) => f.name),
    value: (name: string, labels: Record<string, string> = {}) => Number(matching(name, labels)?.value ?? Number.NaN),
    /**
     * A histogram's number of observations, over all its label sets: the parser keeps the buckets of
     * a labelled histogram but not its labels or count, and the `+Inf` bucket counts every observation.
     */
    observations: (name: string) => (family(name)?.metrics ?? []).reduce((sum, m) => sum + Number(m.buckets?.['+Inf'] ?? 0), 0),
  };
}

describe('/metrics', () => {
  let server: TestServer | null = null;
  let sink: SmtpSink | null = null;
  afterEach(async () => {
    await server?.stop();
    await sink?.close();
    server = null;
    sink = null;
  });

  it('refuses a scrape without the token, and is off without one', async () => {
    server = await startTestServer({ transport: 'ws', env: { METRICS_TOKEN: TOKEN } });
    expect((await fetch(`${server.http}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.http}/metrics`, { headers: { authorization: 'Bearer metrics-secret-0123456780' } })).status).toBe(401);
    await server.stop();
    server = await startTestServer({ transport: 'uws' });
    const off = await fetch(`${server.http}/metrics`);
    expect(off.status).toBe(404);
    expect(((await off.json()) as { error: string }).error).toBe('METRICS_OFF');
  });

  it('serves them without a token on METRICS_PORT, and nothing else there', async () => {
    server = await startTestServer({ transport: 'uws', env: { METRICS_PORT: '0' } });
    expect(server.metricsPort).toBeGreaterThan(0);
    const metrics = await scrape(`http://127.0.0.1:${server.metricsPort}/metrics`, null);
    expect(metrics.names).toContain('parley_connections');
    expect((await fetch(`http://127.0.0.1:${server.metricsPort}/api/rooms/GENERAL/stats`)).status).toBe(404);
    // And not on the public port.
    expect((await fetch(`${server.http}/metrics`)).status).toBe(404);
  });

  it('reports connections, frames, queues, agents, offers and timeouts, stored messages and acks, the journal, the outbox and the store, each moving when it happens', async () => {
    const clock = new FakeClock(Date.now());
    const smtpPort = await freePort(); // nothing listens yet: emails wait in the outbox
    server = await startTestServer({
      transport: 'uws',
      store: 'embedded',
      file: emailRooms,
      clock,
      env: { METRICS_TOKEN: TOKEN, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, EMAIL_FROM, EMAIL_RETRY_SECONDS: '5' },
    });
    const url = `${server.http}/metrics`;
    const before = await scrape(url);
    expect(before.names).toEqual(expect.arrayContaining(['nodejs_eventloop_lag_seconds', 'process_resident_memory_bytes']));
    expect(before.value('parley_connections', { kind: 'visitor', transport: 'uws' })).toBe(0);
    expect(before.value('parley_queue_waiting', { room: 'GENERAL' })).toBe(0);

    const alice = await connectAgent(server, 'alice@acme.test');
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form: { name: 'Dana', email: 'dana@example.com' } });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    await alice.client.next('offer');
    clock.advance(4_000);
    const waiting = await scrape(url);
    expect(waiting.value('parley_connections', { kind: 'visitor', transport: 'uws' })).toBe(1);
    expect(waiting.value('parley_connections', { kind: 'agent', transport: 'uws' })).toBe(1);
    expect(waiting.value('parley_frames_received_total', { kind: 'visitor' })).toBe(2);
    expect(waiting.value('parley_frames_sent_total', { kind: 'agent' })).toBeGreaterThan(0);
    expect(waiting.value('parley_queue_waiting', { room: 'GENERAL' })).toBe(1);
    expect(waiting.value('parley_queue_oldest_wait_seconds', { room: 'GENERAL' })).toBe(4);
    expect(waiting.value('parley_agents', { room: 'GENERAL', client: 'browser', status: 'WAITING_NEW_CALL' })).toBe(1);
    expect(waiting.value('parley_offers_total', { room: 'GENERAL' })).toBe(1);
    expect(waiting.value('parley_offer_timeouts_total', { room: 'GENERAL' })).toBeNaN();

    // Nobody accepts within the room's 30 s: the offer times out and is made again.
    clock.advance(30_000);
    await alice.client.next('offerWithdrawn');
    await alice.client.next('offer');
    const timedOut = await scrape(url);
    expect(timedOut.value('parley_offer_timeouts_total', { room: 'GENERAL' })).toBe(1);
    expect(timedOut.value('parley_offers_total', { room: 'GENERAL' })).toBe(2);

    alice.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    visitor.client.send({ type: 'message', conversationId: id, clientId: 'v-1', text: 'Hello' });
    await visitor.client.next('ack');
    const chatting = await scrape(url);
    expect(chatting.value('parley_queue_waiting', { room: 'GENERAL' })).toBe(0);
    expect(chatting.value('parley_agents', { room: 'GENERAL', client: 'browser', status: 'SERVING_CUSTOMER' })).toBe(1);
    // The agent-joined event and the message.
    expect(chatting.value('parley_messages_stored_total') - (timedOut.value('parley_messages_stored_total') || 0)).toBe(2);
    // Only the visitor has sent a message: one acknowledgement.
    expect(chatting.observations('parley_ack_seconds')).toBe(1);
    expect(chatting.observations('parley_journal_write_seconds')).toBeGreaterThan(waiting.observations('parley_journal_write_seconds'));
    expect(chatting.value('parley_store_bytes')).toBeGreaterThan(before.value('parley_store_bytes'));

    // A left message waits while the mail server is away; refused when it is back, it is given up.
    visitor.client.send({ type: 'leaveMessage', clientId: 'lead-1', name: 'Dana', email: 'dana@example.com', message: 'Call me' });
    await visitor.client.next('emailQueued');
    await expect.poll(async () => (await scrape(url)).value('parley_outbox_backlog')).toBeGreaterThan(0);
    sink = await startSmtpSink({ port: smtpPort, recipients: () => ({ code: 550, message: 'no such mailbox' }) });
    await expect
      .poll(async () => {
        clock.advance(5_000);
        const now = await scrape(url);
        return now.value('parley_outbox_backlog') === 0 && now.value('parley_emails_failed_total') > 0;
      })
      .toBe(true);
  });
});
