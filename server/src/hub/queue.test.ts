import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

describe('queue', () => {
  it('tells three waiting visitors their positions, and new ones as agents free up', async () => {
    const kit = await hubKit({
      rooms: [{ name: 'GENERAL' }],
      agents: [
        { id: 'alice@example.com', rooms: ['GENERAL'] },
        { id: 'bob@example.com', rooms: ['GENERAL'] },
      ],
    });
    const ids = [await kit.start('v1'), await kit.start('v2'), await kit.start('v3')];
    const positions = () => [...kit.hub.queues.positions('GENERAL')].map((p) => [p.visitorId, p.position]);
    expect(positions()).toEqual([
      ['v1', 1],
      ['v2', 2],
      ['v3', 3],
    ]);
    expect(kit.notifier.queueChanges.filter((room) => room === 'GENERAL')).toHaveLength(3);

    kit.signIn('alice@example.com');
    await kit.accept('alice@example.com', ids[0]!);
    expect(positions()).toEqual([
      ['v2', 1],
      ['v3', 2],
    ]);
    expect(kit.hub.queues.forAgents('GENERAL', 50)).toMatchObject({
      total: 2,
      entries: [{ conversationId: ids[1], visitorName: 'Visitor v2' }, { conversationId: ids[2] }],
    });

    // The second visitor leaves; the third moves up without anyone being served.
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v2' }, ids[1]!);
    await kit.settle();
    expect(positions()).toEqual([['v3', 1]]);
    kit.signIn('bob@example.com');
    await kit.accept('bob@example.com', ids[2]!);
    expect(positions()).toEqual([]);
  });

  it("a private room's chats go to its agent only, however many others are free", async () => {
    const kit = await hubKit({
      rooms: [{ name: 'GENERAL' }],
      agents: [
        { id: 'alice@example.com', rooms: ['GENERAL'] },
        { id: 'bob@example.com', rooms: ['GENERAL'] },
      ],
    });
    kit.signIn('bob@example.com');
    const id = await kit.start('v1', 'AGENT-ALICE');
    expect(kit.offersOf('bob@example.com')).toEqual([]);
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { room: 'GENERAL', phase: 'private' } });
    kit.signIn('alice@example.com');
    expect(kit.offersOf('alice@example.com')).toEqual([id]);
    // A later public chat goes to Bob, not behind the private one.
    const other = await kit.start('v2');
    expect(kit.offersOf('bob@example.com')).toEqual([other]);
  });

  it('a waiting visitor who closes every page leaves the queue after the grace period, unless they come back', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [{ id: 'alice@example.com', rooms: ['GENERAL'] }], visitorGraceMs: 60_000 });
    const stays = await kit.start('v1');
    const leaves = await kit.start('v2');
    kit.hub.presence.visitorDisconnected('v1');
    kit.hub.presence.visitorDisconnected('v2');
    kit.clock.advance(30_000);
    kit.hub.presence.visitorConnected('v1');
    kit.clock.advance(30_000);
    await kit.settle();
    expect((await kit.store.conversations.get(leaves))?.status).toBe('ended');
    expect((await kit.store.conversations.get(leaves))?.endedBy).toBe('system');
    expect((await kit.store.conversations.get(stays))?.status).toBe('waiting');
    expect([...kit.hub.queues.positions('GENERAL')].map((p) => p.visitorId)).toEqual(['v1']);
  });

  it('stops offering a waiting chat 10 s after its visitor closed every page, keeps its place, and offers it again when a page comes back', async () => {
    // Offers that do not time out meanwhile: only the visitor's absence withdraws one.
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', offerTimeoutSeconds: 300 }], agents: [{ id: 'alice@example.com', rooms: ['GENERAL'] }] });
    kit.signIn('alice@example.com');
    const first = await kit.start('v1');
    const second = await kit.start('v2');
    expect(kit.offersOf('alice@example.com')).toEqual([first]);

    // A reload (closed and back within seconds) changes nothing for the agent.
    kit.hub.presence.visitorDisconnected('v1');
    kit.clock.advance(2_000);
    kit.hub.presence.visitorConnected('v1');
    kit.clock.advance(20_000);
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn')).toEqual([]);

    // A closed tab: the offer goes after 10 s, and Alice is offered the next visitor instead.
    kit.hub.presence.visitorDisconnected('v1');
    kit.clock.advance(9_999);
    expect(kit.offersOf('alice@example.com')).toEqual([first]);
    kit.clock.advance(1);
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn')).toEqual([{ type: 'offerWithdrawn', conversationId: first, reason: 'away' }]);
    expect(kit.offersOf('alice@example.com')).toEqual([second]);
    expect([...kit.hub.queues.positions('GENERAL')].map((p) => p.visitorId)).toEqual(['v2']);

    // Back within the grace period: first in line again, and offered once Alice is free.
    kit.hub.presence.visitorConnected('v1');
    expect([...kit.hub.queues.positions('GENERAL')].map((p) => p.visitorId)).toEqual(['v1', 'v2']);
    await kit.accept('alice@example.com', second);
    await kit.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, second);
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    await kit.settle();
    expect(kit.offersOf('alice@example.com')).toEqual([first]);
  });
});
