import { CloseCode } from '@parley/shared';
import { afterEach, expect, it } from 'vitest';
import { overTransports } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { type SpawnedServer, serverFolder, spawnServer } from './support/spawned-server.js';

overTransports('durability', (transport) => {
  const running: SpawnedServer[] = [];
  afterEach(() => {
    for (const server of running) server.process.kill('SIGKILL');
    running.length = 0;
  });
  const start = async (folder: ReturnType<typeof serverFolder>) => {
    const server = await spawnServer({ transport, ...folder });
    running.push(server);
    return server;
  };

  it('kill -9 loses no acknowledged message: after a restart the clients resume and find everything, once', async () => {
    const folder = serverFolder();
    const first = await start(folder);
    const agent = await connectAgent(first, 'bob@test.parley');
    const visitor = await connectVisitor(first);
    visitor.client.send({ type: 'start', form: { name: 'Dana' } });
    const id = (await visitor.client.next('conversation')).conversation.id;
    await agent.client.next('offer');
    agent.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');

    // Both sides send a burst; the server is killed while acknowledgements are still coming in.
    const acked = new Set<string>();
    for (let i = 0; i < 40; i++) {
      visitor.client.send({ type: 'message', conversationId: id, clientId: `v-${i}`, text: `visitor ${i}` });
      agent.client.send({ type: 'message', conversationId: id, clientId: `a-${i}`, text: `agent ${i}` });
    }
    await visitor.client.next('ack', (f) => f.clientId === 'v-10');
    first.process.kill('SIGKILL');
    await first.exited;
    for (const client of [visitor.client, agent.client]) for (const ack of client.all('ack')) acked.add(ack.clientId);
    expect(acked.size).toBeGreaterThanOrEqual(11);

    const second = await start(folder);
    const visitorAgain = await connectVisitor(second, 'GENERAL', visitor.token);
    expect(visitorAgain.welcome.visitorId).toBe(visitor.welcome.visitorId);
    expect(visitorAgain.welcome.conversation).toMatchObject({ id, status: 'active', agentName: 'Bob' });
    const agentAgain = await connectAgent(second, 'bob@test.parley', { token: agent.token });
    expect(agentAgain.welcome.conversations.map((c: { id: string }) => c.id)).toEqual([id]);

    const history = [];
    for (let after = 0, more = true; more; ) {
      visitorAgain.client.send({ type: 'sync', conversationId: id, afterSeq: after });
      const page = await visitorAgain.client.next('history');
      history.push(...page.messages);
      more = page.more;
      after = page.messages.at(-1)?.seq ?? after;
    }
    const clientIds = history.map((m: { clientId: string }) => m.clientId);
    for (const clientId of acked) expect(clientIds).toContain(clientId);
    expect(new Set(clientIds).size).toBe(clientIds.length);
    expect(history.map((m: { seq: number }) => m.seq)).toEqual(history.map((_: unknown, i: number) => i + 1));
    // Each side's messages are stored in the order they were sent.
    const visitorOrder = history.filter((m: { from?: string }) => m.from === 'visitor').map((m: { clientId: string }) => Number(m.clientId.slice(2)));
    expect(visitorOrder).toEqual([...visitorOrder].sort((a, b) => a - b));

    // The conversation carries on after the restart.
    agentAgain.client.send({ type: 'message', conversationId: id, clientId: 'after-restart', text: 'still here' });
    expect((await visitorAgain.client.next('message', (f) => f.message.clientId === 'after-restart')).message.seq).toBe(history.length + 1);
  });

  it('SIGTERM drains: clients are told to reconnect (1012), the process exits cleanly, nothing is lost', async () => {
    const folder = serverFolder();
    const first = await start(folder);
    const visitor = await connectVisitor(first);
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id;
    visitor.client.send({ type: 'message', conversationId: id, clientId: 'before-term', text: 'hello?' });
    await visitor.client.next('ack');
    first.process.kill('SIGTERM');
    expect((await visitor.client.closed).code).toBe(CloseCode.SERVICE_RESTART);
    expect(await first.exited).toBe(0);

    const second = await start(folder);
    const again = await connectVisitor(second, 'GENERAL', visitor.token);
    expect(again.welcome.conversation).toMatchObject({ id, status: 'waiting', lastSeq: 1 });
    expect(await again.client.next('queue')).toMatchObject({ conversationId: id, position: 1 });
  });
});
