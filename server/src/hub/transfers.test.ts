import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { type HubKit, hubKit } from './hub-test-kit.js';

const rooms = [
  { name: 'GENERAL', offerTimeoutSeconds: 20 },
  { name: 'SALES', offerTimeoutSeconds: 20 },
];
const agents = [
  { id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL', 'SALES'] },
  { id: 'bob@example.com', name: 'Bob', rooms: ['GENERAL'] },
  { id: 'carol@example.com', name: 'Carol', rooms: ['GENERAL'] },
  { id: 'sam@example.com', name: 'Sam', rooms: ['SALES'] },
  { id: 'dave@example.com', name: 'Dave', rooms: ['GENERAL'] },
];

/** Alice serves v1's chat; the others are signed in on break unless a test makes them ready. */
async function serving(): Promise<{ kit: HubKit; id: string }> {
  const kit = await hubKit({ rooms, agents });
  kit.signIn('alice@example.com');
  for (const other of ['bob@example.com', 'carol@example.com', 'sam@example.com']) kit.signIn(other, { status: 'TAKING_BREAK' });
  const id = await kit.start('v1');
  await kit.accept('alice@example.com', id);
  return { kit, id };
}

const transfer = async (kit: HubKit, id: string, to: { agentId: string } | { room: string }, note?: string, by = 'alice@example.com') => {
  await kit.hub.transfers.transfer(by, id, to, note);
  await kit.settle();
};

describe('transfers', () => {
  it('to an agent: offered to them alone with who sent it and the note; the first agent lets go; the visitor sees the change of agent', async () => {
    const { kit, id } = await serving();
    kit.hub.presence.setStatus('bob@example.com', 'browser', 'WAITING_NEW_CALL');
    kit.hub.presence.setStatus('carol@example.com', 'browser', 'WAITING_NEW_CALL');
    await kit.settle();
    await transfer(kit, id, { agentId: 'bob@example.com' }, 'Wants a refund, order A-1');

    expect(kit.offersOf('bob@example.com')).toEqual([id]);
    expect(kit.offersOf('carol@example.com')).toEqual([]);
    expect(kit.offerFrames('bob@example.com')[0]).toMatchObject({ transfer: { from: 'Alice', note: 'Wants a refund, order A-1' } });
    // Alice no longer serves it: not SERVING_CUSTOMER for it, as after a chat she ended.
    expect(kit.statuses('alice@example.com').browser).toBe('HANG_UP');
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { status: 'waiting', agentName: null } });

    await kit.accept('bob@example.com', id);
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { status: 'active', agentName: 'Bob' } });
    const events = (await kit.store.messages.after(id, 0, 50))
      .filter((m) => m.kind === 'event')
      .map((m) => `${m.kind === 'event' ? m.event : ''} ${m.name ?? ''}`);
    expect(events).toEqual(['agent-joined Alice', 'agent-left Alice', 'agent-joined Bob']);
    const record = await kit.store.conversations.get(id);
    expect(record).toMatchObject({ agentId: 'bob@example.com', status: 'active' });
    expect(record?.notes?.map((n) => n.text)).toEqual(['Transferred to Bob: Wants a refund, order A-1']);
    expect(kit.statuses('bob@example.com').browser).toBe('SERVING_CUSTOMER');
    // The notes reach Bob with the chat, and never the visitor.
    expect(kit.framesOf('bob@example.com', 'conversation').at(-1)).toMatchObject({ conversation: { notes: [{ agentName: 'Alice' }] } });
    expect(JSON.stringify(kit.visitorFrames('v1', 'conversation'))).not.toContain('refund');
  });

  it('to an agent who does not accept in time: offered to everyone after the room offer timeout', async () => {
    const { kit, id } = await serving();
    kit.hub.presence.setStatus('carol@example.com', 'browser', 'WAITING_NEW_CALL');
    await kit.settle();
    await transfer(kit, id, { agentId: 'bob@example.com' });
    expect(kit.offersOf('carol@example.com')).toEqual([]);
    kit.clock.advance(19_999);
    expect(kit.offersOf('carol@example.com')).toEqual([]);
    kit.clock.advance(1);
    await kit.settle();
    expect(kit.offersOf('carol@example.com')).toEqual([id]);
  });

  it("to a room's queue: waits there ahead of those who came later, offered to that room's agents", async () => {
    const { kit, id } = await serving();
    const later = await kit.start('v2', 'SALES');
    await transfer(kit, id, { room: 'SALES' }, 'Asks about a bulk order');
    kit.hub.presence.setStatus('sam@example.com', 'browser', 'WAITING_NEW_CALL');
    await kit.settle();
    // Sam can hold one chat: he is offered the transferred one, which arrived first.
    expect(kit.offersOf('sam@example.com')).toEqual([id]);
    expect(kit.offersOf('sam@example.com')).not.toContain(later);
    expect((await kit.store.conversations.get(id))?.room).toBe('SALES');
  });

  it('is refused, changing nothing, to anyone but the serving agent, to oneself, to an agent of other rooms or signed out', async () => {
    const { kit, id } = await serving();
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => 'done',
        (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
      );
    expect(await refused(kit.hub.transfers.transfer('bob@example.com', id, { agentId: 'carol@example.com' }, undefined))).toBe(
      `${ErrorCode.NOT_YOUR_CONVERSATION}: Only the agent serving this chat can transfer it.`,
    );
    expect(await refused(kit.hub.transfers.transfer('alice@example.com', id, { agentId: 'alice@example.com' }, undefined))).toContain('Choose another agent');
    expect(await refused(kit.hub.transfers.transfer('alice@example.com', id, { agentId: 'sam@example.com' }, undefined))).toContain(
      'Sam does not answer this room',
    );
    expect(await refused(kit.hub.transfers.transfer('alice@example.com', id, { agentId: 'nobody@example.com' }, undefined))).toContain('Choose another agent');
    expect(await refused(kit.hub.transfers.transfer('alice@example.com', id, { room: 'NOWHERE' }, undefined))).toContain('There is no room NOWHERE');
    expect(await refused(kit.hub.transfers.transfer('alice@example.com', id, { agentId: 'dave@example.com' }, undefined))).toContain('Dave is not signed in');
    expect((await kit.store.conversations.get(id))?.agentId).toBe('alice@example.com');
    expect(kit.statuses('alice@example.com').browser).toBe('SERVING_CUSTOMER');
  });
});
