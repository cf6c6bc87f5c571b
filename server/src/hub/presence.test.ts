import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../store/embedded-store.js';
import { hubKit } from './hub-test-kit.js';

const rooms = [{ name: 'GENERAL' }];
const agents = [
  { id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'] },
  { id: 'bob@example.com', name: 'Bob', rooms: ['GENERAL'] },
];

describe('agent presence', () => {
  it('gives a chat back to the queue, at its place, when its agent signs out while the accept is on its way', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    const first = await kit.start('v1');
    const second = await kit.start('v2');
    // The accept has claimed the chat in memory and waits for the store; the sign-out lands meanwhile.
    const accepting = kit.hub.lifecycle.accept('alice@example.com', 'browser', first);
    kit.hub.presence.signOut('alice@example.com');
    await expect(accepting).rejects.toMatchObject({ code: ErrorCode.NOT_ALLOWED });
    await kit.settle();

    expect(await kit.store.conversations.get(first)).toMatchObject({ status: 'waiting', agentId: null });
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { id: first, status: 'waiting' } });
    expect(kit.statuses('alice@example.com')).toEqual({ browser: null, mobile: null });
    // Still first in line: the next agent is offered it before the visitor who came later.
    kit.signIn('bob@example.com');
    expect(kit.offersOf('bob@example.com')[0]).toBe(first);
    expect(kit.hub.queues.forAgents('GENERAL', 10).entries.map((e) => e.conversationId)).toEqual([first, second]);
  });

  it('an agent whose connection drops loses their offers at once but keeps their chat through the grace period', async () => {
    const kit = await hubKit({ rooms, agents: [{ ...agents[0]!, capacity: 2 }, agents[1]!], agentGraceMs: 30_000 });
    kit.signIn('alice@example.com');
    const served = await kit.start('v1');
    await kit.accept('alice@example.com', served);
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    const offered = await kit.start('v2');
    expect(kit.offersOf('alice@example.com')).toEqual([offered]);

    kit.signIn('bob@example.com', { status: 'TAKING_BREAK' });
    kit.hub.presence.agentDisconnected('alice@example.com', 'browser');
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn').at(-1)).toMatchObject({ conversationId: offered, reason: 'unavailable' });
    kit.clock.advance(29_000);
    kit.hub.presence.agentConnected('alice@example.com', 'browser', undefined, (welcome) => {
      expect(welcome.conversations.map((c) => c.id)).toEqual([served]);
      expect(welcome.statuses.browser).toBe('WAITING_NEW_CALL');
    });
    kit.clock.advance(60_000);
    await kit.settle();
    expect((await kit.store.conversations.get(served))?.agentId).toBe('alice@example.com');
  });

  it('an agent who does not come back in time is signed off and their chats go back to the queue, at its head', async () => {
    const kit = await hubKit({ rooms, agents, agentGraceMs: 30_000 });
    kit.signIn('alice@example.com');
    const served = await kit.start('v1');
    await kit.accept('alice@example.com', served);
    const later = await kit.start('v2');
    kit.hub.presence.agentDisconnected('alice@example.com', 'browser');
    kit.clock.advance(30_000);
    await kit.settle();
    expect(kit.statuses('alice@example.com')).toEqual({ browser: null, mobile: null });
    expect(JSON.parse(kit.hub.stats.summary('GENERAL')!).totalAgentLogon).toBe(0);
    expect((await kit.store.conversations.get(served))?.status).toBe('waiting');
    expect([...kit.hub.queues.positions('GENERAL')].map((p) => p.conversationId)).toEqual([served, later]);
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { status: 'waiting', agentName: null } });
    kit.signIn('bob@example.com');
    expect(kit.offersOf('bob@example.com')).toEqual([served]);
  });

  it('after a restart, the queue and the chats come back from the store', async () => {
    const store = await openEmbeddedStore();
    const before = await hubKit({ rooms, agents, store });
    before.signIn('alice@example.com');
    const served = await before.start('v1');
    await before.accept('alice@example.com', served);
    const waiting = await before.start('v2');

    const after = await hubKit({ rooms, agents, store, agentGraceMs: 30_000 });
    expect([...after.hub.queues.positions('GENERAL')].map((p) => p.conversationId)).toEqual([waiting]);
    after.hub.presence.visitorConnected('v1');
    after.hub.presence.visitorConnected('v2');
    after.hub.presence.agentConnected('alice@example.com', 'browser', 'WAITING_NEW_CALL', (welcome) => {
      expect(welcome.conversations.map((c) => c.id)).toEqual([served]);
      expect(welcome.statuses.browser).toBe('SERVING_CUSTOMER');
    });
    after.clock.advance(60_000);
    await after.settle();
    expect((await store.conversations.get(served))?.status).toBe('active');
  });
});
