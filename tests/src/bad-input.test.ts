import { CloseCode, ErrorCode } from '@parley/shared';
import { expect, it } from 'vitest';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { TestClient } from './support/test-client.js';

overTransports('hostile and broken input', (transport) => {
  const server = serverPerTest(transport);

  it('answers malformed JSON, unknown types, wrong field types and frames before hello with error frames, and keeps serving', async () => {
    const bystander = await connectVisitor(server());
    bystander.client.send({ type: 'start', form: {} });
    const bystanderConversation = (await bystander.client.next('conversation')).conversation.id;

    const raw = await TestClient.connect(`${server().ws}/ws/visitor?room=GENERAL`);
    raw.send({ type: 'start', form: {} });
    expect(await raw.next('error')).toMatchObject({ code: ErrorCode.HELLO_REQUIRED });
    raw.send('{"type": "hello", ');
    expect(await raw.next('error')).toMatchObject({ code: ErrorCode.BAD_JSON });
    raw.send({ type: 'hello' });
    await raw.next('welcome');
    raw.send({ type: 'launchMissiles' });
    expect(await raw.next('error')).toMatchObject({ code: ErrorCode.UNKNOWN_TYPE });
    raw.send('[1,2,3]');
    expect(await raw.next('error')).toMatchObject({ code: ErrorCode.UNKNOWN_TYPE });
    raw.send({ type: 'message', conversationId: 12, clientId: 'x', text: ['not', 'text'] });
    const badFields = await raw.next('error');
    expect(badFields).toMatchObject({ code: ErrorCode.BAD_FRAME, ref: 'x' });
    expect(badFields.message).toContain('conversationId');
    raw.send({ type: 'message', conversationId: bystanderConversation, clientId: 'x', text: 'a'.repeat(4001) });
    expect(await raw.next('error')).toMatchObject({ code: ErrorCode.BAD_FRAME });
    raw.send({ type: 'hello' });
    expect(await raw.next('error')).toMatchObject({ code: ErrorCode.ALREADY_GREETED });
    raw.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await raw.next('error')).toMatchObject({ code: ErrorCode.BAD_JSON });

    bystander.client.send({ type: 'message', conversationId: bystanderConversation, clientId: 'still-here', text: 'still served' });
    expect(await bystander.client.next('ack')).toMatchObject({ clientId: 'still-here' });
  });

  it("refuses frames about someone else's conversation without revealing anything", async () => {
    const owner = await connectVisitor(server());
    owner.client.send({ type: 'start', form: { name: 'Owner' } });
    const id = (await owner.client.next('conversation')).conversation.id;
    const intruder = await connectVisitor(server());
    for (const frame of [
      { type: 'message', conversationId: id, clientId: 'i-1', text: 'hi' },
      { type: 'sync', conversationId: id, afterSeq: 0 },
      { type: 'end', conversationId: id },
      { type: 'askAll', conversationId: id },
      { type: 'message', conversationId: 'AAAAAAAAAAAAAAAAAAAAAA', clientId: 'i-2', text: 'made-up id' },
    ]) {
      intruder.client.send(frame);
      const error = await intruder.client.next('error');
      expect(error.code).toBe(ErrorCode.NOT_YOUR_CONVERSATION);
    }
    const bob = await connectAgent(server(), 'bob@test.parley', { status: 'TAKING_BREAK' });
    bob.client.send({ type: 'message', conversationId: id, clientId: 'b-1', text: 'not accepted' });
    expect((await bob.client.next('error')).code).toBe(ErrorCode.NOT_YOUR_CONVERSATION);
    bob.client.send({ type: 'accept', conversationId: id });
    expect((await bob.client.next('error')).code).toBe(ErrorCode.NOT_OFFERED);
    owner.client.send({ type: 'sync', conversationId: id, afterSeq: 0 });
    expect((await owner.client.next('history')).messages).toEqual([]);
  });

  it('closes a connection that sends an oversized frame with 1009, and no one else notices', async () => {
    const bystander = await connectVisitor(server());
    const big = await connectVisitor(server());
    big.client.send(JSON.stringify({ type: 'typing', conversationId: 'x'.repeat(70 * 1024), active: true }));
    expect((await big.client.closed).code).toBe(CloseCode.MESSAGE_TOO_BIG);
    bystander.client.send({ type: 'start', form: {} });
    expect((await bystander.client.next('conversation')).conversation.status).toBe('waiting');
  });

  it('refuses an agent hello with an unknown token and closes with UNAUTHORIZED', async () => {
    const client = await TestClient.connect(`${server().ws}/ws/agent`);
    client.send({ type: 'hello', token: 'made-up-token', client: 'browser' });
    expect((await client.closed).code).toBe(CloseCode.UNAUTHORIZED);
  });

  it('refuses an upgrade to an unknown room before the WebSocket opens', async () => {
    expect(await TestClient.refusal(`${server().ws}/ws/visitor?room=NOPE`)).toBe(404);
    expect(await TestClient.refusal(`${server().ws}/ws/nowhere`)).toBe(404);
  });
});
