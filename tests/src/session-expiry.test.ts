import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { FakeClock } from '../../server/src/core/fake-clock.js';
import { hashToken } from '../../server/src/core/random-id.js';
import { overTransports, serversPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';

const DAY = 24 * 3600 * 1000;

/*
 * Visitor sessions over real sockets, on a server whose clock the test moves: days pass in
 * milliseconds, and the hourly session sweep runs as they pass.
 */
overTransports('visitor session expiry', (transport) => {
  const startServer = serversPerTest(transport);
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('an idle visitor’s token stops resuming after VISITOR_SESSION_DAYS, even after a restart; a visitor who keeps coming back keeps theirs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-expiry-'));
    folders.push(dataDir);
    const clock = new FakeClock(Date.now());
    const start = () => startServer({ store: 'embedded', dataDir, clock, env: { VISITOR_SESSION_DAYS: '3' } });
    let server = await start();

    // The idle visitor chats once, with an agent, then never comes back.
    const agent = await connectAgent(server, 'bob@test.parley');
    const idle = await connectVisitor(server);
    idle.client.send({ type: 'start', form: { name: 'Dana' } });
    const conversationId = (await idle.client.next('conversation')).conversation.id as string;
    await agent.client.next('offer');
    agent.client.send({ type: 'accept', conversationId });
    idle.client.send({ type: 'message', conversationId, clientId: 'before', text: 'Where is my order?' });
    await idle.client.next('ack');
    idle.client.send({ type: 'end', conversationId });
    await idle.client.next('conversation', (f) => f.conversation.status === 'ended');
    idle.client.socket.close();
    agent.client.socket.close();

    // The regular visitor comes back every day (over four days, more than the period).
    const regular = await connectVisitor(server);
    regular.client.socket.close();
    for (let day = 1; day <= 4; day++) {
      clock.advance(DAY);
      const visit = await connectVisitor(server, 'GENERAL', regular.token);
      expect(visit.welcome).toMatchObject({ visitorId: regular.welcome.visitorId, token: regular.token });
      visit.client.socket.close();
    }

    // The sweep has taken the idle session out of memory; its token is an unknown one now.
    await vi.waitFor(async () => expect(await server.store.sessions.get(hashToken(idle.token))).toBeUndefined());
    const returning = await connectVisitor(server, 'GENERAL', idle.token);
    expect(returning.welcome.visitorId).not.toBe(idle.welcome.visitorId);
    expect(returning.welcome.token).not.toBe(idle.token);
    expect(returning.welcome.conversation).toBeNull();
    // The old token opens nothing over HTTP either.
    const download = await fetch(`${server.http}/api/files/unknown-file`, { headers: { authorization: `Bearer ${idle.token}` } });
    expect(download.status).toBe(401);
    returning.client.socket.close();
    // The conversation itself stays, for the agents' records.
    expect(await server.store.conversations.get(conversationId)).toMatchObject({ status: 'ended', lastSeq: expect.any(Number) });

    // The removal is in the journal, and a restart does not bring the session back.
    const journal = readFileSync(join(dataDir, 'journal.jsonl'), 'utf8');
    expect(journal).toContain(JSON.stringify({ t: 'unsess', h: hashToken(idle.token) }));
    await server.stop();
    server = await start();
    const afterRestart = await connectVisitor(server, 'GENERAL', idle.token);
    expect(afterRestart.welcome.visitorId).not.toBe(idle.welcome.visitorId);
    afterRestart.client.socket.close();
    const regularAfterRestart = await connectVisitor(server, 'GENERAL', regular.token);
    expect(regularAfterRestart.welcome.visitorId).toBe(regular.welcome.visitorId);
    regularAfterRestart.client.socket.close();
    expect(await server.store.conversations.get(conversationId)).toMatchObject({ status: 'ended' });
  });
});
