import { type ChatMessage, CloseCode } from '@parley/shared';
import { contiguousSeq } from '@parley/shared/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisServerProcess } from '../../../server/src/store/redis/redis-server-process.js';
import { signIn } from '../support/parties.js';
import { healthOf, type ProcessCluster, startProcessCluster } from '../support/process-cluster.js';
import { ResilientParty } from '../support/resilient-party.js';

let redis: RedisServerProcess;
let cluster: ProcessCluster | null = null;
const parties: ResilientParty[] = [];

beforeAll(async () => {
  redis = await RedisServerProcess.start({ appendfsync: 'everysec' });
});
afterEach(async () => {
  for (const party of parties.splice(0)) party.stop();
  await cluster?.stop();
  cluster = null;
});
afterAll(async () => {
  await redis.stop();
});

function party<T extends ResilientParty>(made: T): T {
  parties.push(made);
  return made;
}

/** Waits for `predicate`, checking every 25 ms. */
async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 15_000, what: string | (() => string) = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A visitor who starts a chat and waits until it is waiting (or taken). */
async function startChat(ws: string, name: string): Promise<{ visitor: ResilientParty; id: string }> {
  const visitor = party(ResilientParty.visitor(ws));
  await visitor.next('welcome');
  visitor.send({ type: 'start', form: { name } });
  const { conversation } = await visitor.next('conversation');
  return { visitor, id: conversation.id as string };
}

/** Every message acknowledged to `sender` is in `messages` exactly once, in the order sent. */
function everyAckedOnce(sender: ResilientParty, prefix: string, messages: ChatMessage[]): void {
  const sent = [...sender.acked.keys()].filter((id) => id.startsWith(prefix));
  const stored = messages.filter((m) => m.clientId.startsWith(prefix)).map((m) => m.clientId);
  expect(new Set(stored).size).toBe(stored.length);
  expect(sent.every((id) => stored.includes(id))).toBe(true);
  const order = (id: string) => Number(id.slice(prefix.length));
  expect(stored.map(order)).toEqual([...stored.map(order)].sort((a, b) => a - b));
}

describe('a cluster of three nodes behind HAProxy', () => {
  it('survives kill -9 of the routing node: routing resumes within 5 s, queues keep their order, chats go on, nothing acknowledged is lost or doubled', async () => {
    cluster = await startProcessCluster(redis, 3);
    const { ws, http } = cluster;
    const alice = party(ResilientParty.agent(ws, await signIn(http, 'alice@test.parley')));
    const bob = party(ResilientParty.agent(ws, await signIn(http, 'bob@test.parley')));
    await Promise.all([alice.next('welcome'), bob.next('welcome')]);

    // Two chats in progress: Dana with Alice, Eli with Bob.
    const dana = await startChat(ws, 'Dana');
    alice.send({ type: 'accept', conversationId: (await alice.next('offer', (f) => f.offer.conversationId === dana.id)).offer.conversationId });
    await dana.visitor.next('conversation', (f) => f.conversation.status === 'active');
    const eli = await startChat(ws, 'Eli');
    bob.send({ type: 'accept', conversationId: (await bob.next('offer', (f) => f.offer.conversationId === eli.id)).offer.conversationId });
    await eli.visitor.next('conversation', (f) => f.conversation.status === 'active');

    // Three visitors waiting, in this order: both agents are full.
    const waiting: { visitor: ResilientParty; id: string }[] = [];
    for (const name of ['W1', 'W2', 'W3']) {
      const chat = await startChat(ws, name);
      await chat.visitor.next('queue', (f) => f.position === waiting.length + 1);
      waiting.push(chat);
    }

    // Messages keep flowing both ways in both chats while the routing node dies.
    let counter = 0;
    let flowing = true;
    const flow = (async () => {
      while (flowing) {
        counter++;
        dana.visitor.say(dana.id, `dana-${counter}`, `Dana ${counter}`);
        alice.say(dana.id, `alice-${counter}`, `Alice ${counter}`);
        eli.visitor.say(eli.id, `eli-${counter}`, `Eli ${counter}`);
        bob.say(eli.id, `bob-${counter}`, `Bob ${counter}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await until(() => alice.acked.size > 20 && dana.visitor.acked.size > 20, 10_000, 'messages before the kill');

    const owner = (await cluster.owner())!;
    expect(owner).not.toBeNull();
    const killedAt = Date.now();
    owner.process.kill('SIGKILL');
    const survivors = cluster.nodes.filter((node) => node !== owner);
    await until(
      async () => (await Promise.all(survivors.map(healthOf))).some((health) => health?.role === 'owner' && health.status === 'ok'),
      10_000,
      'a new owner',
    );
    const takeover = Date.now() - killedAt;
    expect(takeover).toBeLessThan(5_000);

    // Everyone is back (a new welcome each), and the waiting visitors are where they were.
    const everyone = [alice, bob, dana.visitor, eli.visitor, ...waiting.map((w) => w.visitor)];
    await until(
      () => everyone.every((p) => p.welcomes >= 2),
      15_000,
      () => `everyone back (${everyone.map((p) => p.states.at(-1)).join(', ')})`,
    );
    for (const [index, chat] of waiting.entries()) {
      const hello = chat.visitor.frames.filter((f) => f.type === 'welcome').at(-1) ?? (await chat.visitor.next('welcome'));
      expect(hello.conversation?.status ?? 'waiting').toBe('waiting');
      await chat.visitor.next('queue', (f) => f.conversationId === chat.id && f.position === index + 1);
    }

    flowing = false;
    await flow;
    await Promise.all([alice, bob, dana.visitor, eli.visitor].map((p) => p.allAcked()));

    // Nothing acknowledged is missing or doubled, in order, as a new page of each visitor reads it.
    for (const [chat, visitorPrefix, agent, agentPrefix] of [
      [dana, 'dana-', alice, 'alice-'],
      [eli, 'eli-', bob, 'bob-'],
    ] as const) {
      const reader = party(ResilientParty.visitor(ws, 'GENERAL', chat.visitor.token));
      await reader.next('welcome');
      const last = Math.max(...[...chat.visitor.acked.values(), ...agent.acked.values()]);
      await until(() => contiguousSeq(reader.messages.get(chat.id) ?? []) >= last, 15_000, `the history of ${visitorPrefix.slice(0, -1)}'s chat`);
      const messages = reader.messages.get(chat.id)!;
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      everyAckedOnce(chat.visitor, visitorPrefix, messages);
      everyAckedOnce(agent, agentPrefix, messages);
    }

    // Routing goes on from the new owner: Alice ends her chat, says ready, and is offered W1 first.
    alice.send({ type: 'end', conversationId: dana.id });
    await dana.visitor.next('conversation', (f) => f.conversation.status === 'ended');
    alice.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    expect((await alice.next('offer', (f) => waiting.some((w) => w.id === f.offer.conversationId))).offer.conversationId).toBe(waiting[0]!.id);
  }, 90_000);

  it('rides out kill -9 of Redis: unhealthy and refusing messages as retryable while it is down, then back by itself with nothing acknowledged lost', async () => {
    cluster = await startProcessCluster(redis, 3);
    const { ws, http } = cluster;
    const alice = party(ResilientParty.agent(ws, await signIn(http, 'alice@test.parley')));
    await alice.next('welcome');
    const dana = await startChat(ws, 'Dana');
    alice.send({ type: 'accept', conversationId: (await alice.next('offer', (f) => f.offer.conversationId === dana.id)).offer.conversationId });
    await dana.visitor.next('conversation', (f) => f.conversation.status === 'active');

    let counter = 0;
    let flowing = true;
    const flow = (async () => {
      while (flowing) {
        counter++;
        dana.visitor.say(dana.id, `dana-${counter}`, `Dana ${counter}`);
        alice.say(dana.id, `alice-${counter}`, `Alice ${counter}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await until(() => dana.visitor.acked.size > 30, 10_000, 'messages before Redis goes');

    const framesBefore = dana.visitor.frames.length;
    const statesBefore = dana.visitor.states.length;
    await redis.kill();
    const ackedBefore = new Map([...dana.visitor.acked, ...alice.acked]);
    await until(
      async () => (await Promise.all(cluster!.nodes.map(healthOf))).every((health) => health?.status === 'unavailable'),
      10_000,
      'every node unhealthy',
    );
    const ready = await fetch(`${cluster.nodes[0]!.http}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { ready: boolean; reason: string }).reason).toMatch(/redis/i);
    // What is sent meanwhile is refused as "not now" (the message, or the hello of the reconnect after it),
    // with the connection closed as "try again later"; nothing is acknowledged.
    dana.visitor.say(dana.id, 'while-down', 'Are you there?');
    await until(
      () => dana.visitor.states.slice(statesBefore).some((state) => state.includes(`(${CloseCode.TRY_AGAIN_LATER})`)),
      10_000,
      'a close as try again later',
    );
    const refusals = dana.visitor.frames.slice(framesBefore).filter((f) => f.type === 'error');
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((f) => f.code === 'UNAVAILABLE')).toBe(true);
    expect(dana.visitor.acked.has('while-down')).toBe(false);

    await redis.restart();
    await until(async () => (await Promise.all(cluster!.nodes.map(healthOf))).every((health) => health?.status === 'ok'), 15_000, 'every node healthy again');
    flowing = false;
    await flow;
    await Promise.all([alice, dana.visitor].map((p) => p.allAcked()));
    expect(dana.visitor.acked.has('while-down')).toBe(true);

    const reader = party(ResilientParty.visitor(ws, 'GENERAL', dana.visitor.token));
    await reader.next('welcome');
    const last = Math.max(...dana.visitor.acked.values(), ...alice.acked.values());
    await until(() => contiguousSeq(reader.messages.get(dana.id) ?? []) >= last, 15_000, "the chat's history");
    const messages = reader.messages.get(dana.id)!;
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
    // Everything acknowledged before Redis died is still there, at the same place.
    const bySeq = new Map(messages.map((m) => [m.clientId, m.seq]));
    expect([...ackedBefore].filter(([clientId, seq]) => bySeq.get(clientId) !== seq)).toEqual([]);
    everyAckedOnce(dana.visitor, 'dana-', messages);
    everyAckedOnce(alice, 'alice-', messages);
  }, 90_000);
});
