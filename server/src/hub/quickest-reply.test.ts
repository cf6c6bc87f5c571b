import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const rooms = [{ name: 'GENERAL' }];
const agents = [
  { id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'] },
  { id: 'bob@example.com', name: 'Bob', rooms: ['GENERAL'] },
];

describe('quickest reply', () => {
  it('offers a new visitor to every ready agent at once; the first accept wins and the other offer is withdrawn', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    kit.signIn('bob@example.com');
    const id = await kit.start('v1');
    expect(kit.offersOf('alice@example.com')).toEqual([id]);
    expect(kit.offersOf('bob@example.com')).toEqual([id]);

    // Both accept in the same tick.
    const results = await Promise.allSettled([
      kit.hub.lifecycle.accept('alice@example.com', 'browser', id),
      kit.hub.lifecycle.accept('bob@example.com', 'browser', id),
    ]);
    await kit.settle();
    expect(results[0].status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: ErrorCode.ALREADY_TAKEN } });
    expect(kit.offersOf('bob@example.com')).toEqual([]);
    expect(kit.framesOf('bob@example.com', 'offerWithdrawn')).toEqual([{ type: 'offerWithdrawn', conversationId: id, reason: 'taken' }]);
    expect(kit.statuses('alice@example.com')).toEqual({ browser: 'SERVING_CUSTOMER', mobile: null });
    expect(kit.statuses('bob@example.com')).toEqual({ browser: 'WAITING_NEW_CALL', mobile: null });

    const visitorView = kit.visitorFrames('v1', 'conversation').at(-1);
    expect(visitorView).toMatchObject({ conversation: { id, status: 'active', agentName: 'Alice' } });
    const [event] = await kit.store.messages.after(id, 0, 10);
    expect(event).toMatchObject({ kind: 'event', event: 'agent-joined', name: 'Alice', seq: 1 });
  });

  it('tells an agent whose accept lands after the chat was taken that another agent took it', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    kit.signIn('bob@example.com');
    const id = await kit.start('v1');
    await kit.hub.lifecycle.accept('alice@example.com', 'browser', id);
    await kit.settle();
    // Bob's offer is already withdrawn: his accept was on its way (from another node, say).
    await expect(kit.hub.lifecycle.accept('bob@example.com', 'browser', id)).rejects.toMatchObject({ code: ErrorCode.ALREADY_TAKEN });
    expect(kit.statuses('bob@example.com')).toEqual({ browser: 'WAITING_NEW_CALL', mobile: null });
  });

  it('offers the head of the queue to an agent the moment they become ready, with no clock tick', async () => {
    const kit = await hubKit({ rooms, agents });
    const first = await kit.start('v1');
    await kit.start('v2');
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    kit.signIn('alice@example.com', { status: 'TAKING_BREAK' });
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    // Capacity 1: offered the oldest only, not the later one.
    expect(kit.offersOf('alice@example.com')).toEqual([first]);
  });

  it('spreads a backlog over agents freed at once: each takes the oldest chat nobody has been offered', async () => {
    const kit = await hubKit({ rooms, agents: [...agents, { id: 'carol@example.com', rooms: ['GENERAL'] }] });
    kit.signIn('alice@example.com');
    kit.signIn('bob@example.com');
    kit.signIn('carol@example.com');
    const first = await kit.start('v1');
    const second = await kit.start('v2');
    const third = await kit.start('v3');
    expect(kit.offersOf('bob@example.com')).toEqual([first]);
    await kit.accept('alice@example.com', first);
    // Bob and Carol lost the race for the first chat and get the next two, one each, at once.
    const next = [...kit.offersOf('bob@example.com'), ...kit.offersOf('carol@example.com')].sort();
    expect(next).toEqual([second, third].sort());
  });

  it('refuses to accept a chat that was not offered, or that has ended', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await expect(kit.hub.lifecycle.accept('bob@example.com', 'browser', id)).rejects.toMatchObject({ code: ErrorCode.NOT_OFFERED });
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, id);
    await kit.settle();
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn').at(-1)).toMatchObject({ conversationId: id, reason: 'ended' });
    await expect(kit.hub.lifecycle.accept('alice@example.com', 'browser', id)).rejects.toMatchObject({ code: ErrorCode.CONVERSATION_ENDED });
  });

  it('gives two tabs starting at once the same conversation', async () => {
    const kit = await hubKit({ rooms, agents });
    const entry = kit.hub.directory.entry('GENERAL')!;
    const [a, b] = await Promise.all([
      kit.hub.lifecycle.start({ visitorId: 'v1', entry, form: {}, context: {} }),
      kit.hub.lifecycle.start({ visitorId: 'v1', entry, form: {}, context: {} }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await kit.store.conversations.find({ visitorId: 'v1', room: 'GENERAL' })).toHaveLength(1);
  });
});
