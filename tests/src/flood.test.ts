import { CloseCode } from '@parley/shared';
import { expect, it } from 'vitest';
import { HEALTHY_ROUND_TRIP_MS, healthyPair } from './support/healthy-pair.js';
import { overTransports, serversPerTest } from './support/over-transports.js';
import { connectVisitor } from './support/parties.js';
import { TestClient } from './support/test-client.js';

overTransports('flood control', (transport) => {
  const startServer = serversPerTest(transport);

  it('lets a burst through, slows the rest down, then closes a connection that keeps flooding', async () => {
    const server = await startServer({ env: { RATE_MESSAGES_PER_SECOND: '20', RATE_MESSAGES_BURST: '5' } });
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id;

    // Well within the backlog: slowed down, but every message is stored and acknowledged, in order.
    const started = Date.now();
    for (let i = 0; i < 12; i++) visitor.client.send({ type: 'message', conversationId: id, clientId: `m-${i}`, text: `message ${i}` });
    const acks = [];
    for (let i = 0; i < 12; i++) acks.push(await visitor.client.next('ack'));
    expect(acks.map((a) => a.clientId)).toEqual(Array.from({ length: 12 }, (_, i) => `m-${i}`));
    // Eight messages beyond the burst (minus what one frame's wait refilled) at 20 a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    // In the other room: the flooder's chat waits first in line in this one.
    const pair = await healthyPair(server, 'carol@test.parley', 'SALES');
    for (let i = 0; i < 200; i++) visitor.client.send({ type: 'message', conversationId: id, clientId: `f-${i}`, text: 'flood' });
    expect(await pair.roundTrip()).toBeLessThan(HEALTHY_ROUND_TRIP_MS);
    expect((await visitor.client.closed).code).toBe(CloseCode.FLOODING);
  });

  it('drops typing events over the limit and closes a connection that keeps sending them', async () => {
    const server = await startServer({ env: { RATE_TYPING_PER_SECOND: '5', RATE_TYPING_BURST: '5' } });
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id;
    for (let i = 0; i < 100; i++) visitor.client.send({ type: 'typing', conversationId: id, active: true, draft: `${i}` });
    expect((await visitor.client.closed).code).toBe(CloseCode.FLOODING);
  });

  it('refuses new connections from an address that opens too many', async () => {
    const server = await startServer({ env: { RATE_CONNECTIONS_PER_MINUTE: '1', RATE_CONNECTIONS_BURST: '3' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await TestClient.refusal(`${server.ws}/ws/visitor?room=GENERAL`));
    expect(statuses).toEqual([101, 101, 101, 429, 429]);
  });
});
