import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const agents = [{ id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'] }];
const codes = { resultCodes: ['Sale', 'No sale'], resultCodeRequired: true };

const refusal = (run: () => unknown) => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('result codes and wrap-up after a chat', () => {
  it('a required code keeps the agent from being ready until given; a wrong or missing one is refused', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', ...codes }], agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    await kit.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, id);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('HANG_UP');
    expect(refusal(() => kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL'))).toBe(ErrorCode.DISPOSITION_REQUIRED);
    await expect(kit.hub.lifecycle.dispositions.give('alice@example.com', id, 'Maybe', undefined)).rejects.toThrow('"Maybe" is not one of');
    await expect(kit.hub.lifecycle.dispositions.give('alice@example.com', id, null, undefined)).rejects.toThrow('requires a result code');
    await kit.hub.lifecycle.dispositions.give('alice@example.com', id, 'Sale', 'Two bikes');
    expect((await kit.store.conversations.get(id))?.disposition).toMatchObject({ code: 'Sale', note: 'Two bikes' });
    expect(kit.framesOf('alice@example.com', 'conversation').at(-1)).toMatchObject({ conversation: { disposition: { code: 'Sale' } } });
    expect(refusal(() => kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL'))).toBe('allowed');
  });

  it('in a force-ready room, the agent owing a code is not ready, and is ready by themselves once they give it', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', forceReady: true, ...codes }], agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, id);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('REMOTE_CUSTOMER_HANGUP');
    const next = await kit.start('v2');
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    await kit.hub.lifecycle.dispositions.give('alice@example.com', id, 'No sale', undefined);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('WAITING_NEW_CALL');
    expect(kit.offersOf('alice@example.com')).toEqual([next]);
  });

  it('a wrap-up keeps a ready agent out of routing for its time after a chat, on the injected clock', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', forceReady: true, wrapUpSeconds: 30 }], agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    await kit.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, id);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('WAITING_NEW_CALL');
    const next = await kit.start('v2');
    kit.clock.advance(29_999);
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    kit.clock.advance(1);
    await kit.settle();
    expect(kit.offersOf('alice@example.com')).toEqual([next]);
  });

  it('a restart in the middle of a wrap-up keeps it, and keeps the code owed', async () => {
    const rooms = [{ name: 'GENERAL', wrapUpSeconds: 60, ...codes }];
    const first = await hubKit({ rooms, agents });
    first.signIn('alice@example.com');
    const id = await first.start('v1');
    await first.accept('alice@example.com', id);
    await first.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, id);
    await first.settle();
    first.clock.advance(20_000);

    // The same store, a new hub (a restart), its clock where the first one was.
    const again = await hubKit({ rooms, agents, store: first.store, now: first.clock.now() });
    again.signIn('alice@example.com', { status: 'WAITING_NEW_CALL' });
    expect(again.statuses('alice@example.com').browser).toBe('HANG_UP');
    expect(refusal(() => again.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL'))).toBe(ErrorCode.DISPOSITION_REQUIRED);
    await again.hub.lifecycle.dispositions.give('alice@example.com', id, 'Sale', undefined);
    again.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    const next = await again.start('v2');
    again.clock.advance(39_999);
    expect(again.offersOf('alice@example.com')).toEqual([]);
    again.clock.advance(1);
    await again.settle();
    expect(again.offersOf('alice@example.com')).toEqual([next]);
  });
});
