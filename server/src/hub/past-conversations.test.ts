import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const rooms = [{ name: 'GENERAL' }, { name: 'SALES' }];
const agents = [
  { id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL', 'SALES'] },
  { id: 'bob@example.com', name: 'Bob', rooms: ['GENERAL'] },
];
const alice = { kind: 'agent', agentId: 'alice@example.com' } as const;
const bob = { kind: 'agent', agentId: 'bob@example.com' } as const;

/** Visitor v1 has one ended chat in GENERAL (served by Alice, two lines) and one in SALES. */
async function visitorWithHistory() {
  const kit = await hubKit({ rooms, agents });
  kit.signIn('alice@example.com');
  const first = await kit.start('v1', 'GENERAL');
  await kit.accept('alice@example.com', first);
  await kit.hub.messaging.send({ kind: 'visitor', visitorId: 'v1' }, { conversationId: first, clientId: 'v-1', text: 'My order is late' });
  await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, first);
  kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
  const sales = await kit.start('v1', 'SALES');
  await kit.accept('alice@example.com', sales);
  await kit.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, sales);
  kit.hub.presence.setStatus('alice@example.com', 'browser', 'TAKING_BREAK');
  await kit.settle();
  return { kit, first, sales };
}

describe("a visitor's earlier conversations", () => {
  it('are listed, newest first and from the same room only, to the agent offered the new chat, who may read their transcripts', async () => {
    const { kit, first } = await visitorWithHistory();
    kit.clock.advance(60_000);
    kit.signIn('bob@example.com');
    const now = await kit.start('v1', 'GENERAL');
    expect(kit.offersOf('bob@example.com')).toEqual([now]);

    const answer = await kit.hub.past.list('bob@example.com', now);
    expect(answer).toMatchObject({ type: 'pastConversations', conversationId: now, total: 1 });
    expect(answer.conversations).toEqual([expect.objectContaining({ id: first, endedBy: 'visitor', agentName: 'Alice', lastSeq: 3 })]);

    const transcript = await kit.hub.messaging.history(bob, first, 0);
    expect(transcript.messages.map((m) => (m.kind === 'text' ? m.text : m.kind === 'event' ? m.event : m.kind))).toEqual([
      'agent-joined',
      'My order is late',
      'visitor-ended',
    ]);
  });

  it('stay closed to an agent who neither serves nor is offered a chat of that visitor, and once that chat is taken by someone else', async () => {
    const { kit, first } = await visitorWithHistory();
    const now = await kit.start('v1', 'GENERAL');
    // Nobody is ready: Bob is not offered the chat, so neither the list nor a transcript is his.
    kit.signIn('bob@example.com', { status: 'TAKING_BREAK' });
    await expect(kit.hub.past.list('bob@example.com', now)).rejects.toMatchObject({ code: ErrorCode.NOT_YOUR_CONVERSATION });
    await expect(kit.hub.messaging.history(bob, first, 0)).rejects.toMatchObject({ code: ErrorCode.NOT_YOUR_CONVERSATION });

    kit.hub.presence.setStatus('bob@example.com', 'browser', 'WAITING_NEW_CALL');
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    await kit.accept('alice@example.com', now);
    await expect(kit.hub.past.list('bob@example.com', now)).rejects.toMatchObject({ code: ErrorCode.NOT_YOUR_CONVERSATION });
    await expect(kit.hub.messaging.history(bob, first, 0)).rejects.toMatchObject({ code: ErrorCode.NOT_YOUR_CONVERSATION });
    expect((await kit.hub.past.list('alice@example.com', now)).conversations.map((c) => c.id)).toEqual([first]);
  });

  it('give no way to write into an earlier chat or to read another room of the visitor', async () => {
    const { kit, first, sales } = await visitorWithHistory();
    kit.signIn('bob@example.com');
    const now = await kit.start('v1', 'GENERAL');
    await kit.accept('bob@example.com', now);
    await expect(kit.hub.messaging.send(bob, { conversationId: first, clientId: 'b-1', text: 'hi' })).rejects.toMatchObject({
      code: ErrorCode.CONVERSATION_ENDED,
    });
    await expect(kit.hub.messaging.history(bob, sales, 0)).rejects.toMatchObject({ code: ErrorCode.NOT_YOUR_CONVERSATION });
    // Alice served the SALES chat herself, so it stays readable to her.
    await expect(kit.hub.messaging.history(alice, sales, 0)).resolves.toMatchObject({ conversationId: sales });
  });
});
