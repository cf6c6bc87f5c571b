import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const DAY = 24 * 3600 * 1000;
const agents = [
  { id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'] },
  { id: 'bob@example.com', name: 'Bob', rooms: ['GENERAL'] },
];

/** v1 chatted with Alice (one message each way), then ended it; both agents are ready. */
async function afterAChat(reopenWithinDays: number) {
  const kit = await hubKit({ rooms: [{ name: 'GENERAL', reopenWithinDays, stickyTimeoutSeconds: 40 }], agents });
  kit.signIn('alice@example.com');
  const first = await kit.start('v1');
  await kit.accept('alice@example.com', first);
  await kit.hub.messaging.send({ kind: 'visitor', visitorId: 'v1' }, { conversationId: first, clientId: 'v-1', text: 'My bike squeaks' });
  await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, first);
  await kit.settle();
  kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
  kit.signIn('bob@example.com');
  await kit.settle();
  return { kit, first };
}

describe('reopening a conversation (seed 003)', () => {
  it('within N days: the same conversation comes back, with its history, offered to its agent alone first', async () => {
    const { kit, first } = await afterAChat(7);
    kit.clock.advance(3 * DAY);
    const again = await kit.start('v1');
    expect(again).toBe(first);
    const record = await kit.store.conversations.get(first);
    expect(record).toMatchObject({ status: 'waiting', endedAt: null, agentId: null });
    expect(kit.offersOf('alice@example.com')).toEqual([first]);
    expect(kit.offersOf('bob@example.com')).toEqual([]);
    kit.clock.advance(40_000);
    await kit.settle();
    expect(kit.offersOf('bob@example.com')).toEqual([first]);
    await kit.accept('bob@example.com', first);
    // Its history is all there, and goes on from where it was.
    const before = await kit.store.messages.after(first, 0, 100);
    expect(before.some((m) => m.kind === 'text' && m.text === 'My bike squeaks')).toBe(true);
    const sent = await kit.hub.messaging.send({ kind: 'visitor', visitorId: 'v1' }, { conversationId: first, clientId: 'v-2', text: 'Still squeaks' });
    expect(sent.seq).toBe(before.at(-1)!.seq + 1);
  });

  it('past N days, or in a room that does not reopen: a new conversation', async () => {
    const late = await afterAChat(7);
    late.kit.clock.advance(7 * DAY + 1);
    expect(await late.kit.start('v1')).not.toBe(late.first);
    const off = await afterAChat(0);
    expect(await off.kit.start('v1')).not.toBe(off.first);
  });
});
