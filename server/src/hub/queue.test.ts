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
});
