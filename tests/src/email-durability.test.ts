import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMAIL_FROM, emailRooms } from './support/email-rooms.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { freePort, type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { type SpawnedServer, spawnServer } from './support/spawned-server.js';

type LogLine = { msg?: string; pending?: number; held?: number; reason?: string };

const logLines = (server: SpawnedServer): LogLine[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
const logged = (server: SpawnedServer, message: string) => logLines(server).filter((line) => line.msg === message);

/**
 * The outbox across a crash, as operators live it: the mail server is down, emails are asked for,
 * Parley is killed (SIGKILL) and started again, the mail server comes back, and each email
 * arrives once. A visitor's alert held across the restart goes when an agent becomes ready.
 */
describe('the email outbox across kill -9', () => {
  const running: SpawnedServer[] = [];
  let sink: SmtpSink | null = null;
  afterEach(async () => {
    for (const server of running.splice(0)) server.process.kill('SIGKILL');
    await sink?.close();
  });

  it('keeps emails while SMTP is down, loses none to a SIGKILL, and sends each exactly once when SMTP is back', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-email-'));
    const configPath = join(folder, 'parley.config.json');
    // The alert goes once the chat is still waiting an offer timeout after an agent became ready:
    // the shortest the room allows, so the spawned server (real time) sends it within the poll.
    const rooms = { ...emailRooms, rooms: emailRooms.rooms.map((room) => (room.name === 'GENERAL' ? { ...room, offerTimeoutSeconds: 5 } : room)) };
    writeFileSync(configPath, JSON.stringify(rooms));
    const port = await freePort();
    const options = {
      transport: 'uws' as const,
      dataDir: join(folder, 'data'),
      configPath,
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_FROM, EMAIL_RETRY_SECONDS: '1' },
    };

    const first = await spawnServer(options);
    running.push(first);
    // Two left messages (each: two sales addresses, the XML lead address and a receipt) and an alert.
    for (const n of [1, 2]) {
      const visitor = await connectVisitor(first);
      visitor.client.send({ type: 'leaveMessage', clientId: `lead-${n}`, name: `Visitor ${n}`, email: `visitor${n}@example.com`, message: `Message ${n}` });
      await visitor.client.next('emailQueued');
      visitor.client.close();
    }
    const waiting = await connectVisitor(first);
    waiting.client.send({ type: 'start', form: { name: 'Wendy', email: 'wendy@example.com' } });
    const conversationId = (await waiting.client.next('conversation')).conversation.id as string;
    waiting.client.send({ type: 'emailAlert', clientId: 'alert-1', conversationId });
    await waiting.client.next('emailQueued');
    await expect.poll(() => logged(first, 'outbox: the mail server is unreachable; sending waits').length).toBeGreaterThan(0);
    expect(logged(first, 'outbox: the mail server is unreachable; sending waits')[0]!.reason).toMatch(/ECONNREFUSED|connect/i);

    first.process.kill('SIGKILL');
    await first.exited;
    const second = await spawnServer(options);
    running.push(second);
    await expect.poll(() => logged(second, 'outbox: emails left from before the restart')).toEqual([expect.objectContaining({ pending: 8, held: 1 })]);
    await expect.poll(() => logged(second, 'outbox: the mail server is unreachable; sending waits').length).toBeGreaterThan(0);

    sink = await startSmtpSink({ port });
    await sink.waitFor(8);
    // An agent becomes ready and leaves the chat waiting: the alert held across the restart goes out.
    const agent = await connectAgent(second, 'bob@acme.test');
    await expect.poll(() => logged(second, 'outbox: email sent').length, { timeout: 15_000 }).toBe(9);
    agent.client.close();

    // Everything recorded is sent (the log says so for each): nothing more can arrive.
    expect(sink.mails.map((mail) => mail.envelope.to[0]).sort()).toEqual([
      'boss@acme.test',
      'boss@acme.test',
      'crm@dealer.test',
      'crm@dealer.test',
      'sales@acme.test',
      'sales@acme.test',
      'visitor1@example.com',
      'visitor2@example.com',
      'wendy@example.com',
    ]);
    expect(new Set(sink.mails.map((mail) => mail.header('message-id'))).size).toBe(9);
    expect(
      sink
        .to('sales@acme.test')
        .map((mail) => mail.header('subject'))
        .sort(),
    ).toEqual(['Message from Visitor 1 (Shop help)', 'Message from Visitor 2 (Shop help)']);
  });
});
