import type { TestServer } from './in-process-server.js';
import { connectAgent, connectVisitor } from './parties.js';

/** What "still serving everyone else" means during an attack test: a message there and back, well under this. */
export const HEALTHY_ROUND_TRIP_MS = 300;

/**
 * A chat between another visitor and another agent, kept beside an attack: `roundTrip` sends a
 * message from the visitor, waits for the agent to see it, answers, and waits for the visitor to
 * see the answer; it resolves with the milliseconds that took.
 */
export async function healthyPair(server: TestServer, agentId = 'alice@test.parley', room = 'GENERAL') {
  const agent = await connectAgent(server, agentId);
  const visitor = await connectVisitor(server, room);
  visitor.client.send({ type: 'start', form: { name: 'Healthy' } });
  const id = (await visitor.client.next('conversation')).conversation.id as string;
  await agent.client.next('offer', (f) => f.offer.conversationId === id);
  agent.client.send({ type: 'accept', conversationId: id });
  await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
  let n = 0;
  return {
    async roundTrip(): Promise<number> {
      n++;
      const started = performance.now();
      visitor.client.send({ type: 'message', conversationId: id, clientId: `ping-${n}`, text: `ping ${n}` });
      await agent.client.next('message', (f) => f.message.clientId === `ping-${n}`);
      agent.client.send({ type: 'message', conversationId: id, clientId: `pong-${n}`, text: `pong ${n}` });
      await visitor.client.next('message', (f) => f.message.clientId === `pong-${n}`);
      return performance.now() - started;
    },
    close(): void {
      agent.client.close();
      visitor.client.close();
    },
  };
}
