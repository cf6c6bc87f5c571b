import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';

describe('settings changed while the hub runs', () => {
  it('a room whose capacity grows offers what waits to the agents who were full, at once', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', capacityPerAgent: 1, forceReady: true }], agents: [{ id: ALICE, rooms: ['GENERAL'] }] });
    kit.signIn(ALICE);
    const first = await kit.start('v1');
    await kit.accept(ALICE, first);
    const second = await kit.start('v2');
    expect(kit.offersOf(ALICE)).toEqual([]);
    kit.editSettings((file) => {
      file.rooms[0]!.capacityPerAgent = 2;
    });
    expect(kit.offersOf(ALICE)).toEqual([second]);
  });

  it('a new offer timeout applies to the next offer', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', offerTimeoutSeconds: 30 }], agents: [{ id: ALICE, rooms: ['GENERAL'] }] });
    kit.signIn(ALICE);
    kit.editSettings((file) => {
      file.rooms[0]!.offerTimeoutSeconds = 5;
    });
    const id = await kit.start('v1');
    kit.clock.advance(5_000);
    expect(kit.framesOf(ALICE, 'offerWithdrawn').at(0)).toMatchObject({ conversationId: id, reason: 'timeout' });
  });

  it('an agent taken out of a room loses their offers there and keeps the chat they serve; others get the offer', async () => {
    const kit = await hubKit({
      rooms: [{ name: 'GENERAL', capacityPerAgent: 2, forceReady: true }, { name: 'SALES' }],
      agents: [
        { id: ALICE, rooms: ['GENERAL', 'SALES'] },
        { id: BOB, rooms: ['GENERAL'] },
      ],
    });
    kit.signIn(ALICE);
    const serving = await kit.start('v1');
    await kit.accept(ALICE, serving);
    kit.signIn(BOB, { status: 'TAKING_BREAK' });
    const waiting = await kit.start('v2');
    expect(kit.offersOf(ALICE)).toEqual([waiting]);
    kit.hub.presence.setStatus(BOB, 'browser', 'WAITING_NEW_CALL');

    kit.editSettings((file) => {
      file.agents[0]!.rooms = ['SALES'];
    });
    expect(kit.offersOf(ALICE)).toEqual([]);
    expect(kit.framesOf(ALICE, 'offerWithdrawn').at(-1)).toMatchObject({ conversationId: waiting, reason: 'unavailable' });
    expect(kit.offersOf(BOB)).toEqual([waiting]);
    expect(kit.hub.queues.isReady(ALICE, 'GENERAL')).toBe(false);
    // The chat she was serving goes on, and she hears her rooms' new settings.
    expect(kit.hub.lifecycle.openFor('v1', 'GENERAL')?.record).toMatchObject({ status: 'active', agentId: ALICE });
    expect(kit.framesOf(ALICE, 'rooms').at(-1)).toMatchObject({ rooms: [{ name: 'SALES' }] });
    expect(JSON.parse(kit.hub.stats.summary('GENERAL')!).totalAgentLogon).toBe(1);
    expect(JSON.parse(kit.hub.stats.summary('SALES')!).totalAgentLogon).toBe(1);
  });

  it('disabling an agent signs them out of every client and gives their chats back to the queue', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [{ id: ALICE, rooms: ['GENERAL'] }] });
    kit.signIn(ALICE);
    kit.signIn(ALICE, { client: 'mobile' });
    const id = await kit.start('v1');
    await kit.accept(ALICE, id);
    const signedOut = kit.editSettings((file) => {
      file.agents[0]!.disabled = true;
    });
    await kit.settle();
    expect(signedOut).toEqual([{ agentId: ALICE, clients: ['browser', 'mobile'] }]);
    expect(kit.statuses(ALICE)).toEqual({ browser: null, mobile: null });
    expect(kit.hub.lifecycle.openFor('v1', 'GENERAL')?.record.status).toBe('waiting');
  });

  it('an agent no longer allowed on the phone is signed out there only', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [{ id: ALICE, rooms: ['GENERAL'] }] });
    kit.signIn(ALICE);
    kit.signIn(ALICE, { client: 'mobile' });
    const signedOut = kit.editSettings((file) => {
      file.agents[0]!.clients = ['browser'];
    });
    expect(signedOut).toEqual([{ agentId: ALICE, clients: ['mobile'] }]);
    expect(kit.statuses(ALICE)).toEqual({ browser: 'WAITING_NEW_CALL', mobile: null });
  });

  it('a room and an agent added while running take chats at once; a deleted room is refused while chats are open in it', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [{ id: ALICE, rooms: ['GENERAL'] }] });
    kit.editSettings((file) => {
      file.rooms.push({ ...file.rooms[0]!, name: 'SALES', label: 'Sales' });
      file.agents.push({ ...file.agents[0]!, id: BOB, name: 'Bob', rooms: ['SALES'] });
    });
    kit.signIn(BOB);
    const id = await kit.start('v1', 'SALES');
    expect(kit.offersOf(BOB)).toEqual([id]);
    expect(kit.hub.settings.whyRoomIsBusy('SALES')).toBe('1 conversation is still open in this room; delete it once they have ended');
    expect(kit.hub.settings.whyRoomIsBusy('GENERAL')).toBeNull();
  });
});
