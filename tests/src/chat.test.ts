import { StatsDetails } from '@parley/shared';
import { expect, it } from 'vitest';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { STATS_KEY } from './support/test-config.js';

overTransports('a chat end to end', (transport) => {
  const server = serverPerTest(transport, { store: 'embedded' });

  it('a visitor starts, two agents are offered it, one accepts, they talk, the visitor hangs up', async () => {
    const alice = await connectAgent(server(), 'alice@test.parley');
    const bob = await connectAgent(server(), 'bob@test.parley');
    expect(alice.welcome).toMatchObject({ agent: { id: 'alice@test.parley', name: 'Alice' }, statuses: { browser: 'WAITING_NEW_CALL', mobile: null } });

    const visitor = await connectVisitor(server());
    expect(visitor.welcome).toMatchObject({ room: { name: 'GENERAL', label: 'General' }, conversation: null });
    expect(visitor.welcome.token.length).toBeGreaterThanOrEqual(43);
    visitor.client.send({ type: 'start', form: { name: 'Dana <b>bold</b>', email: 'dana@example.com' } });
    const started = await visitor.client.next('conversation');
    expect(started.conversation).toMatchObject({ status: 'waiting', phase: 'everyone' });
    expect(await visitor.client.next('queue')).toMatchObject({ position: 1 });
    const id = started.conversation.id;

    const offer = await alice.client.next('offer');
    await bob.client.next('offer');
    expect(offer.offer).toMatchObject({
      conversationId: id,
      room: 'GENERAL',
      visitor: { name: 'Dana <b>bold</b>' },
      context: { url: 'https://shop.test/pricing' },
    });

    bob.client.send({ type: 'accept', conversationId: id });
    expect((await bob.client.next('conversation')).conversation).toMatchObject({ id, status: 'active', servedFrom: 'browser' });
    expect(await alice.client.next('offerWithdrawn')).toMatchObject({ conversationId: id, reason: 'taken' });
    expect((await visitor.client.next('conversation')).conversation).toMatchObject({ status: 'active', agentName: 'Bob' });
    expect((await bob.client.next('status')).statuses.browser).toBe('SERVING_CUSTOMER');

    visitor.client.send({ type: 'typing', conversationId: id, active: true, draft: 'Hello, I ha' });
    expect(await bob.client.next('typing')).toEqual({ type: 'typing', conversationId: id, active: true, draft: 'Hello, I ha' });
    visitor.client.send({ type: 'message', conversationId: id, clientId: 'v-1', text: 'Hello, I have a question' });
    const ack = await visitor.client.next('ack');
    expect(ack).toMatchObject({ conversationId: id, clientId: 'v-1', seq: 2 });
    expect((await bob.client.next('message', (f) => f.message.kind === 'text')).message).toMatchObject({
      seq: 2,
      from: 'visitor',
      text: 'Hello, I have a question',
    });

    bob.client.send({ type: 'typing', conversationId: id, active: true, draft: 'never shown to visitors' });
    expect(await visitor.client.next('typing')).toEqual({ type: 'typing', conversationId: id, active: true });
    bob.client.send({ type: 'message', conversationId: id, clientId: 'a-1', text: 'Sure, ask away' });
    expect(await bob.client.next('ack')).toMatchObject({ seq: 3 });
    expect((await visitor.client.next('message', (f) => f.message.kind === 'text')).message).toMatchObject({
      seq: 3,
      from: 'agent',
      name: 'Bob',
      text: 'Sure, ask away',
    });

    visitor.client.send({ type: 'end', conversationId: id });
    expect((await bob.client.next('conversation')).conversation).toMatchObject({ status: 'ended', endedBy: 'visitor' });
    expect((await bob.client.next('status')).statuses.browser).toBe('REMOTE_CUSTOMER_HANGUP');
    expect((await visitor.client.next('conversation')).conversation).toMatchObject({ status: 'ended', endedBy: 'visitor' });

    const details = StatsDetails.parse(await (await fetch(`${server().http}/api/rooms/GENERAL/stats/details?key=${STATS_KEY}`)).json());
    expect(details.agStatDetails.find((d) => d.agentID === 'bob@test.parley')?.browserAgentStatus).toBe('REMOTE_CUSTOMER_HANGUP');

    visitor.client.send({ type: 'sync', conversationId: id, afterSeq: 0 });
    const history = await visitor.client.next('history');
    expect(history.messages.map((m: { kind: string; event?: string; text?: string }) => m.event ?? m.text)).toEqual([
      'agent-joined',
      'Hello, I have a question',
      'Sure, ask away',
      'visitor-ended',
    ]);
    expect(history.more).toBe(false);
  });

  it('a visitor who reconnects mid-conversation resumes from their last sequence number and misses nothing', async () => {
    const bob = await connectAgent(server(), 'bob@test.parley');
    const first = await connectVisitor(server());
    first.client.send({ type: 'start', form: {} });
    const id = (await first.client.next('conversation')).conversation.id;
    await bob.client.next('offer');
    bob.client.send({ type: 'accept', conversationId: id });
    await first.client.next('message', (f) => f.message.event === 'agent-joined');
    first.client.send({ type: 'message', conversationId: id, clientId: 'v-1', text: 'one' });
    await first.client.next('ack');
    const lastSeen = 2;
    first.client.close();
    await first.client.closed;

    for (const text of ['two', 'three', 'four']) {
      bob.client.send({ type: 'message', conversationId: id, clientId: `a-${text}`, text });
      await bob.client.next('ack');
    }

    const again = await connectVisitor(server(), 'GENERAL', first.token);
    expect(again.welcome.visitorId).toBe(first.welcome.visitorId);
    expect(again.welcome.conversation).toMatchObject({ id, status: 'active', lastSeq: 5 });
    again.client.send({ type: 'sync', conversationId: id, afterSeq: lastSeen });
    const history = await again.client.next('history');
    expect(history.messages.map((m: { seq: number; text: string }) => [m.seq, m.text])).toEqual([
      [3, 'two'],
      [4, 'three'],
      [5, 'four'],
    ]);
  });

  it('the same client id sent twice is stored once and acknowledged twice with the same sequence number', async () => {
    const visitor = await connectVisitor(server());
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id;
    const frame = { type: 'message', conversationId: id, clientId: 'retry-me', text: 'sent twice' };
    visitor.client.send(frame);
    visitor.client.send(frame);
    const first = await visitor.client.next('ack');
    const second = await visitor.client.next('ack');
    expect(second.seq).toBe(first.seq);
    const bob = await connectAgent(server(), 'bob@test.parley');
    await bob.client.next('offer');
    bob.client.send({ type: 'sync', conversationId: id, afterSeq: 0 });
    const history = await bob.client.next('history');
    expect(history.messages.filter((m: { text?: string }) => m.text === 'sent twice')).toHaveLength(1);
  });

  it('waiting visitors are told their place, and told again when someone ahead leaves or is served', async () => {
    const visitors = [];
    for (let i = 0; i < 3; i++) {
      const visitor = await connectVisitor(server());
      visitor.client.send({ type: 'start', form: { name: `V${i}` } });
      const id = (await visitor.client.next('conversation')).conversation.id;
      expect((await visitor.client.next('queue')).position).toBe(i + 1);
      visitors.push({ ...visitor, id });
    }
    visitors[0]!.client.send({ type: 'end', conversationId: visitors[0]!.id });
    expect((await visitors[1]!.client.next('queue')).position).toBe(1);
    expect((await visitors[2]!.client.next('queue')).position).toBe(2);
    const bob = await connectAgent(server(), 'bob@test.parley');
    expect((await bob.client.next('offer')).offer.conversationId).toBe(visitors[1]!.id);
    bob.client.send({ type: 'accept', conversationId: visitors[1]!.id });
    expect((await visitors[2]!.client.next('queue')).position).toBe(1);
    expect((await bob.client.next('queue', (f) => f.queue.total === 1)).queue.entries).toMatchObject([{ conversationId: visitors[2]!.id, visitorName: 'V2' }]);
  });

  it('a visitor with two tabs sees their own messages in the other tab, once', async () => {
    const tab1 = await connectVisitor(server());
    const tab2 = await connectVisitor(server(), 'GENERAL', tab1.token);
    tab1.client.send({ type: 'start', form: {} });
    const id = (await tab1.client.next('conversation')).conversation.id;
    expect((await tab2.client.next('conversation')).conversation.id).toBe(id);
    tab1.client.send({ type: 'message', conversationId: id, clientId: 'tab1-1', text: 'from tab one' });
    await tab1.client.next('ack');
    expect((await tab2.client.next('message')).message).toMatchObject({ clientId: 'tab1-1', text: 'from tab one' });
    expect(tab1.client.all('message')).toHaveLength(0);
  });
});
