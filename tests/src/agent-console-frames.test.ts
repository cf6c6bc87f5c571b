import { AgentRoomsFrame, PastConversationsFrame } from '@parley/shared';
import { expect, it } from 'vitest';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent } from './support/parties.js';
import { startVisitorChat, TINY_PNG, visitorSays, visitorUploads } from './support/visitor-chat.js';

overTransports('the frames the console relies on,', (transport) => {
  const server = serverPerTest(transport);

  it("sends the agent's room settings right after every welcome", async () => {
    const alice = await connectAgent(server(), 'alice@test.parley');
    const rooms = AgentRoomsFrame.parse(await alice.client.next('rooms'));
    expect(rooms.rooms.map((r) => [r.name, r.label, r.capacityPerAgent, r.agentAttachments])).toEqual([
      ['GENERAL', 'General', 1, true],
      ['SALES', 'Sales', 1, true],
    ]);
    expect(alice.client.frames.findIndex((f) => f.type === 'rooms')).toBe(alice.client.frames.findIndex((f) => f.type === 'welcome') + 1);
    alice.client.close();
  });

  it("lists a visitor's earlier chats to the agent offered their new one, whose transcripts and files that agent may then read; nobody else", async () => {
    const bob = await connectAgent(server(), 'bob@test.parley');
    const first = await startVisitorChat(server(), { form: { name: 'Dana' } });
    await bob.client.next('offer');
    bob.client.send({ type: 'accept', conversationId: first.conversationId });
    await first.client.next('conversation', (f) => f.conversation.status === 'active');
    await visitorSays(first, 'd-1', 'Where is my parcel?');
    const upload = await visitorUploads(server().http, first, 'parcel.png', TINY_PNG, 'd-file');
    const fileId = (await upload.json()).message.file.id as string;
    first.client.send({ type: 'end', conversationId: first.conversationId });
    await bob.client.next('conversation', (f) => f.conversation.status === 'ended');
    bob.client.send({ type: 'status', status: 'TAKING_BREAK' });
    await bob.client.next('status', (f) => f.statuses.browser === 'TAKING_BREAK');

    const alice = await connectAgent(server(), 'alice@test.parley');
    const again = await startVisitorChat(server(), { token: first.token, form: { name: 'Dana' } });
    await alice.client.next('offer', (f) => f.offer.conversationId === again.conversationId);
    alice.client.send({ type: 'pastConversations', conversationId: again.conversationId });
    const past = PastConversationsFrame.parse(await alice.client.next('pastConversations'));
    expect(past).toMatchObject({ conversationId: again.conversationId, total: 1 });
    expect(past.conversations).toEqual([expect.objectContaining({ id: first.conversationId, agentName: 'Bob', endedBy: 'visitor', lastSeq: 4 })]);

    alice.client.send({ type: 'sync', conversationId: first.conversationId, afterSeq: 0 });
    const transcript = await alice.client.next('history');
    expect(transcript.messages.map((m: { kind: string; text?: string; event?: string }) => m.text ?? m.event ?? m.kind)).toEqual([
      'agent-joined',
      'Where is my parcel?',
      'file',
      'visitor-ended',
    ]);
    const download = await fetch(`${server().http}/api/files/${fileId}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(download.status).toBe(200);

    // Carol is not in the room, and is offered nothing: refused, without a word about the chats.
    const carol = await connectAgent(server(), 'carol@test.parley');
    carol.client.send({ type: 'pastConversations', conversationId: again.conversationId });
    expect(await carol.client.next('error')).toMatchObject({ code: 'NOT_YOUR_CONVERSATION', ref: again.conversationId });
    carol.client.send({ type: 'sync', conversationId: first.conversationId, afterSeq: 0 });
    expect(await carol.client.next('error')).toMatchObject({ code: 'NOT_YOUR_CONVERSATION' });
    expect((await fetch(`${server().http}/api/files/${fileId}`, { headers: { authorization: `Bearer ${carol.token}` } })).status).toBe(404);
    for (const party of [alice, bob, carol, first, again]) party.client.close();
  });

  it("keeps a chat in an agent's private room between the visitor and that agent: not in the others' queue lists, nor among their earlier chats", async () => {
    const bob = await connectAgent(server(), 'bob@test.parley');
    const alice = await connectAgent(server(), 'alice@test.parley', { status: 'TAKING_BREAK' });
    // Alice is away: the private chat waits for her, in the home room's line but not in its lists.
    const secret = await startVisitorChat(server(), { room: 'AGENT-ALICE', form: { name: 'Private Pat' } });
    const general = await startVisitorChat(server(), { form: { name: 'Public Pam' } });
    const seen = await bob.client.next('queue', (f) => f.queue.room === 'GENERAL' && f.queue.entries.length > 0);
    expect(seen.queue.entries.map((e: { visitorName: string }) => e.visitorName)).toEqual(['Public Pam']);
    expect(seen.queue.total).toBe(1);
    bob.client.send({ type: 'accept', conversationId: (await bob.client.next('offer')).offer.conversationId });
    await general.client.next('conversation', (f) => f.conversation.status === 'active');
    general.client.send({ type: 'end', conversationId: general.conversationId });
    await bob.client.next('conversation', (f) => f.conversation.status === 'ended' && f.conversation.id === general.conversationId);

    // Alice serves the private chat; it ends.
    alice.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await alice.client.next('offer', (f) => f.offer.conversationId === secret.conversationId);
    alice.client.send({ type: 'accept', conversationId: secret.conversationId });
    await secret.client.next('conversation', (f) => f.conversation.status === 'active');
    await visitorSays(secret, 'p-1', 'Only for Alice');
    secret.client.send({ type: 'end', conversationId: secret.conversationId });
    await alice.client.next('conversation', (f) => f.conversation.status === 'ended' && f.conversation.id === secret.conversationId);
    alice.client.send({ type: 'status', status: 'TAKING_BREAK' });
    await alice.client.next('status', (f) => f.statuses.browser === 'TAKING_BREAK');

    // The same visitor comes back to the home room; Bob is offered the chat and sees no private one among the earlier chats.
    bob.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await bob.client.next('status', (f) => f.statuses.browser === 'WAITING_NEW_CALL');
    const back = await startVisitorChat(server(), { token: secret.token, form: { name: 'Private Pat' } });
    await bob.client.next('offer', (f) => f.offer.conversationId === back.conversationId);
    bob.client.send({ type: 'pastConversations', conversationId: back.conversationId });
    expect((await bob.client.next('pastConversations')).total).toBe(0);
    bob.client.send({ type: 'sync', conversationId: secret.conversationId, afterSeq: 0 });
    expect(await bob.client.next('error', (f) => f.code === 'NOT_YOUR_CONVERSATION')).toBeTruthy();
    for (const party of [alice, bob, secret, general, back]) party.client.close();
  });
});
