import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

describe('capacity', () => {
  it('an agent with capacity 2 in a force-ready room holds two chats at once, then stops getting offers', async () => {
    const kit = await hubKit({
      rooms: [{ name: 'GENERAL', capacityPerAgent: 2, forceReady: true }],
      agents: [{ id: 'alice@example.com', rooms: ['GENERAL'] }],
    });
    kit.signIn('alice@example.com');
    const first = await kit.start('v1');
    const second = await kit.start('v2');
    const third = await kit.start('v3');
    expect(kit.offersOf('alice@example.com')).toEqual([first, second]);
    await kit.accept('alice@example.com', first);
    expect(kit.statuses('alice@example.com').browser).toBe('WAITING_NEW_CALL');
    await kit.accept('alice@example.com', second);
    expect(kit.statuses('alice@example.com').browser).toBe('SERVING_CUSTOMER');
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    await expect(Promise.resolve().then(() => kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL'))).rejects.toMatchObject({
      code: ErrorCode.AT_CAPACITY,
    });

    await kit.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, first);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('WAITING_NEW_CALL');
    expect(kit.offersOf('alice@example.com')).toEqual([third]);
  });

  it('without force ready, capacity 2 means the agent may say ready again while serving one chat', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [{ id: 'alice@example.com', rooms: ['GENERAL'], capacity: 2 }] });
    kit.signIn('alice@example.com');
    const first = await kit.start('v1');
    const second = await kit.start('v2');
    await kit.accept('alice@example.com', first);
    expect(kit.statuses('alice@example.com').browser).toBe('SERVING_CUSTOMER');
    // Serving is not ready: the second offer, made while she was, is withdrawn at once.
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn').at(-1)).toMatchObject({ conversationId: second, reason: 'unavailable' });
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    expect(kit.offersOf('alice@example.com')).toEqual([second]);
    await kit.accept('alice@example.com', second);
    const third = await kit.start('v3');
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, first);
    await kit.settle();
    // Still serving the second chat, and not ready: no offer until she says so.
    expect(kit.statuses('alice@example.com').browser).toBe('SERVING_CUSTOMER');
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    expect(kit.offersOf('alice@example.com')).toEqual([third]);
  });

  it('a room capacity counts per room, an agent capacity across rooms', async () => {
    const kit = await hubKit({
      rooms: [{ name: 'GENERAL' }, { name: 'SALES' }],
      agents: [{ id: 'alice@example.com', rooms: ['GENERAL', 'SALES'] }],
    });
    kit.signIn('alice@example.com');
    const general = await kit.start('v1', 'GENERAL');
    const sales = await kit.start('v2', 'SALES');
    // One slot in each room: she is offered one chat from each.
    expect(kit.offersOf('alice@example.com')).toEqual([general, sales]);
  });
});
