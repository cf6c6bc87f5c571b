import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { type HubKit, hubKit } from './hub-test-kit.js';

const rooms = [{ name: 'SALES', routing: 'sticky' as const, stickyTimeoutSeconds: 30 }];
const agents = [
  { id: 'alice@example.com', name: 'Alice', rooms: ['SALES'] },
  { id: 'bob@example.com', name: 'Bob', rooms: ['SALES'] },
];

/** The visitor chatted with Alice before and ended it; both agents are ready again. */
async function returningVisitor(): Promise<HubKit> {
  const kit = await hubKit({ rooms, agents });
  kit.signIn('alice@example.com');
  const first = await kit.start('v1');
  await kit.accept('alice@example.com', first);
  await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, first);
  await kit.settle();
  kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
  kit.signIn('bob@example.com');
  return kit;
}

describe('sticky assignment', () => {
  it('offers a returning visitor to their previous agent alone, then to everyone after the sticky timeout', async () => {
    const kit = await returningVisitor();
    const again = await kit.start('v1');
    expect(kit.offersOf('alice@example.com')).toEqual([again]);
    expect(kit.offersOf('bob@example.com')).toEqual([]);
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { id: again, phase: 'sticky' } });

    kit.clock.advance(29_999);
    expect(kit.offersOf('bob@example.com')).toEqual([]);
    kit.clock.advance(1);
    expect(kit.offersOf('bob@example.com')).toEqual([again]);
    expect(kit.offersOf('alice@example.com')).toEqual([again]);
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { phase: 'everyone' } });
  });

  it('keeps waiting for a busy previous agent, and offers it to them as soon as they are free', async () => {
    const kit = await returningVisitor();
    const other = await kit.start('v2');
    // Alice was offered v2 first (Bob too); Alice takes it and is now at capacity.
    await kit.accept('alice@example.com', other);
    const again = await kit.start('v1');
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    expect(kit.offersOf('bob@example.com')).toEqual([]);
    kit.clock.advance(10_000);
    await kit.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, other);
    await kit.settle();
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    expect(kit.offersOf('alice@example.com')).toEqual([again]);
    expect(kit.offersOf('bob@example.com')).toEqual([]);
  });

  it('gives up on a busy previous agent after the sticky timeout', async () => {
    const kit = await returningVisitor();
    const other = await kit.start('v2');
    await kit.accept('alice@example.com', other);
    const again = await kit.start('v1');
    kit.clock.advance(30_000);
    expect(kit.offersOf('bob@example.com')).toEqual([again]);
  });

  it('goes to everyone at once when the previous agent is offline', async () => {
    const kit = await returningVisitor();
    kit.hub.presence.signOut('alice@example.com');
    await kit.settle();
    const again = await kit.start('v1');
    expect(kit.offersOf('bob@example.com')).toEqual([again]);
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { phase: 'everyone' } });
  });

  it('lets the visitor ask all agents while waiting; the previous agent keeps their offer', async () => {
    const kit = await returningVisitor();
    const again = await kit.start('v1');
    expect(kit.offersOf('bob@example.com')).toEqual([]);
    const view = await kit.hub.lifecycle.askAll('v1', again);
    expect(view.phase).toBe('everyone');
    expect(kit.offersOf('bob@example.com')).toEqual([again]);
    expect(kit.offersOf('alice@example.com')).toEqual([again]);
    await kit.accept('bob@example.com', again);
    expect(kit.framesOf('alice@example.com', 'offerWithdrawn').at(-1)).toMatchObject({ conversationId: again, reason: 'taken' });
  });

  it('refuses ask-all in a quickest-reply room and from someone else', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [{ id: 'alice@example.com', rooms: ['GENERAL'] }] });
    const id = await kit.start('v1');
    await expect(kit.hub.lifecycle.askAll('v1', id)).rejects.toMatchObject({ code: ErrorCode.NOT_ALLOWED });
    await expect(kit.hub.lifecycle.askAll('v2', id)).rejects.toMatchObject({ code: ErrorCode.NOT_YOUR_CONVERSATION });
  });
});
