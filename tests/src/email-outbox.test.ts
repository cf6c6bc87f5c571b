import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/core/fake-clock.js';
import { composeMail } from '../../server/src/email/compose-mail.js';
import { MailOutbox } from '../../server/src/email/mail-outbox.js';
import { createSmtpTransport } from '../../server/src/email/mail-transport.js';
import { openEmbeddedStore } from '../../server/src/store/embedded-store.js';
import type { Store } from '../../server/src/store/store.js';
import { EMAIL_FROM, emailRooms } from './support/email-rooms.js';
import { freePort, type SmtpSink, startSmtpSink } from './support/smtp-sink.js';

type LogLine = { level: number; msg: string; email?: string; reason?: string; retryInMs?: number };

const RETRY_MS = 1000;
const GIVE_UP_MS = 60 * 60 * 1000;

/**
 * The outbox against a real SMTP server on loopback, with time in the test's hands: a mail server
 * that is down, comes back, puts an email off or refuses it.
 */
describe('the outbox', () => {
  const sinks: SmtpSink[] = [];
  let outbox: MailOutbox | null = null;
  afterEach(async () => {
    await outbox?.stop();
    for (const sink of sinks.splice(0)) await sink.close();
  });

  async function setUp(port: number) {
    const clock = new FakeClock();
    const logs: LogLine[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
    const store: Store = await openEmbeddedStore();
    outbox = new MailOutbox({
      store: store.outbox,
      transport: createSmtpTransport(`smtp://127.0.0.1:${port}`),
      clock,
      log,
      retryMs: RETRY_MS,
      giveUpMs: GIVE_UP_MS,
    });
    await outbox.start();
    const settings = { enabled: true, from: EMAIL_FROM, publicUrl: 'http://chat.test', publicProfile: () => ({}), linkMs: 0 };
    const mail = (id: string, to: string) =>
      composeMail(
        { clock, settings },
        { id, kind: 'lead', room: emailRooms.rooms[0]!, to, content: { subject: `Lead ${id}`, text: `Text of ${id}`, html: null } },
      );
    const logged = (message: string) => logs.filter((line) => line.msg === message);
    return { clock, logs, logged, store, mail, outbox };
  }

  it('keeps emails while the mail server is down, pauses all sending with growing waits, and sends each once when it is back', async () => {
    const port = await freePort();
    const { clock, logged, store, mail, outbox } = await setUp(port);
    await outbox.add([mail('one', 'a@example.com'), mail('two', 'b@example.com'), mail('three', 'c@example.com'), mail('four', 'd@example.com')]);
    clock.advance(0);
    // Three go at once and fail together: one failure of the server, a wait of RETRY_MS for all.
    await expect.poll(() => logged('outbox: the mail server is unreachable; sending waits').length).toBe(3);
    const failures = logged('outbox: the mail server is unreachable; sending waits');
    expect(failures.every((line) => line.retryInMs === RETRY_MS && /ECONNREFUSED|connect/i.test(line.reason ?? ''))).toBe(true);
    expect((await store.outbox.unfinished()).map((r) => r.attempts)).toEqual([1, 1, 1, 0]);

    clock.advance(RETRY_MS - 1);
    expect(logged('outbox: the mail server is unreachable; sending waits')).toHaveLength(3);
    clock.advance(1);
    await expect.poll(() => logged('outbox: the mail server is unreachable; sending waits').length).toBe(6);
    expect(
      logged('outbox: the mail server is unreachable; sending waits')
        .slice(3)
        .every((line) => line.retryInMs === 2 * RETRY_MS),
    ).toBe(true);

    const sink = await startSmtpSink({ port });
    sinks.push(sink);
    clock.advance(2 * RETRY_MS);
    await sink.waitFor(4);
    await expect.poll(() => logged('outbox: email sent').length).toBe(4);
    expect(sink.mails.map((m) => m.header('subject')).sort()).toEqual(['Lead four', 'Lead one', 'Lead three', 'Lead two']);
    expect(await store.outbox.unfinished()).toEqual([]);
    expect(await store.outbox.state('one')).toBe('sent');
  });

  it('tries an email the server puts off (4xx) again later, and gives up one it refuses (5xx), saying why', async () => {
    const sink = await startSmtpSink({
      recipients: (address) =>
        address.startsWith('later@')
          ? { code: 451, message: 'Mailbox busy, try later' }
          : address.startsWith('never@')
            ? { code: 550, message: 'No such user here' }
            : null,
    });
    sinks.push(sink);
    const { clock, logs, logged, store, mail, outbox } = await setUp(sink.port);
    await outbox.add([mail('ok', 'ok@example.com'), mail('later', 'later@example.com'), mail('never', 'never@example.com')]);
    clock.advance(0);
    await sink.waitFor(1);
    await expect.poll(() => logs.filter((line) => ['ok', 'never', 'later'].includes(line.email ?? '')).length).toBe(3);

    const [refused] = logged('outbox: the mail server refused an email; giving it up');
    expect(refused).toMatchObject({ level: 50, email: 'never', reason: expect.stringContaining('550 No such user here') });
    expect(await store.outbox.state('never')).toBe('failed');
    const [putOff] = logged('outbox: the mail server put an email off; it will be tried again');
    expect(putOff).toMatchObject({ level: 40, email: 'later', retryInMs: RETRY_MS, reason: expect.stringContaining('451 Mailbox busy') });
    expect((await store.outbox.unfinished()).map((r) => [r.id, r.attempts, r.lastError?.includes('451')])).toEqual([['later', 1, true]]);
    expect(sink.mails.map((m) => m.envelope.to[0])).toEqual(['ok@example.com']);

    // Still refused an hour later: given up, as an error with the reason.
    clock.advance(GIVE_UP_MS);
    await expect.poll(() => logged('outbox: an email could not be sent in time; giving it up').length).toBe(1);
    expect(logged('outbox: an email could not be sent in time; giving it up')[0]).toMatchObject({
      level: 50,
      email: 'later',
      reason: expect.stringContaining('451'),
    });
    expect(await store.outbox.unfinished()).toEqual([]);
  });
});
