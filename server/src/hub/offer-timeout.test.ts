import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

describe('offer timeout', () => {
  it('withdraws an offer nobody accepts in time and offers it again; the visitor keeps their place', async () => {
    const kit = await hubKit({
      rooms: [{ name: 'GENERAL', offerTimeoutSeconds: 20 }],
      agents: [
        { id: 'alice@example.com', rooms: ['GENERAL'] },
        { id: 'bob@example.com', rooms: ['GENERAL'] },
      ],
    });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    const [firstOffer] = kit.offerFrames('alice@example.com');
    expect(firstOffer?.expiresAt).toBe(kit.clock.now() + 20_000);

    kit.clock.advance(19_999);
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn')).toEqual([]);
    kit.clock.advance(1);
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn')).toEqual([{ type: 'offerWithdrawn', conversationId: id, reason: 'timeout' }]);
    expect(kit.framesOf('alice@example.com', 'offer')).toHaveLength(2);
    expect(kit.offersOf('alice@example.com')).toEqual([id]);
    expect([...kit.hub.queues.positions('GENERAL')]).toEqual([{ conversationId: id, visitorId: 'v1', position: 1 }]);

    // An agent who arrives in between is part of the next round, and can take it.
    kit.signIn('bob@example.com');
    expect(kit.offersOf('bob@example.com')).toEqual([id]);
    await kit.accept('bob@example.com', id);
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { status: 'active' } });
    kit.clock.advance(60_000);
    expect(kit.framesOf('alice@example.com', 'offer')).toHaveLength(2);
  });
});
