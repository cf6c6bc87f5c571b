import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshPrefix } from '../../../server/src/store/contract/test-redis.js';
import { RedisServerProcess } from '../../../server/src/store/redis/redis-server-process.js';
import { signInAdmin } from '../support/admin-client.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';
import { connectAgent, connectVisitor } from '../support/parties.js';
import { type ClusterNodeProcess, type ProcessCluster, startProcessCluster } from '../support/process-cluster.js';
import { TestClient } from '../support/test-client.js';
import { STATS_KEY } from '../support/test-config.js';

let redis: RedisServerProcess;
beforeAll(async () => {
  redis = await RedisServerProcess.start({ appendfsync: 'no' });
});
afterAll(async () => {
  await redis.stop();
});

const started: TestServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0).reverse()) await server.stop();
});

/** Nodes of one cluster, in this process, on one Redis; the first one started routes. */
async function cluster(count: number, env: Record<string, string> = {}): Promise<TestServer[]> {
  const prefix = freshPrefix();
  const nodes: TestServer[] = [];
  for (let i = 1; i <= count; i++) {
    const node = await startTestServer({ transport: i % 2 === 0 ? 'ws' : 'uws', env, redis: { url: redis.url, prefix, node: `node-${i}` } });
    started.push(node);
    nodes.push(node);
  }
  return nodes;
}

async function health(node: { http: string }): Promise<{ status: string; role: string }> {
  return (await fetch(`${node.http}/healthz`)).json() as Promise<{ status: string; role: string }>;
}

/** Three node processes on one Redis behind HAProxy: the routing one, and two others. Stopped after every test that started them. */
let processes: ProcessCluster | null = null;
afterEach(async () => {
  await processes?.stop();
  processes = null;
});
async function threeNodes(): Promise<{ owner: ClusterNodeProcess; first: ClusterNodeProcess; second: ClusterNodeProcess; all: ClusterNodeProcess[] }> {
  processes = await startProcessCluster(redis, 3);
  const owner = (await processes.owner())!;
  const [first, second] = processes.nodes.filter((node) => node !== owner);
  for (const node of processes.nodes) expect((await health(node)).role).toBe(node === owner ? 'owner' : 'follower');
  return { owner, first: first!, second: second!, all: processes.nodes };
}

describe('three node processes on one Redis', () => {
  it('routes on one node: a visitor on another node and an agent on a third chat both ways, in order, once', async () => {
    // Visitor and agent on the two nodes that do not route: every message goes through the third.
    const { owner, first: visitorNode, second: agentNode } = await threeNodes();

    const alice = await connectAgent(agentNode, 'alice@test.parley');
    const visitor = await connectVisitor(visitorNode);
    visitor.client.send({ type: 'start', form: { name: 'Dana' } });
    const started = await visitor.client.next('conversation');
    const id = started.conversation.id as string;
    const offer = await alice.client.next('offer');
    expect(offer.offer.conversationId).toBe(id);
    // The room's queue view, sent once to the agents' node for all its agents, shows Dana waiting.
    const view = await alice.client.next('queue', (f) => f.queue.entries.some((e: { conversationId: string }) => e.conversationId === id));
    expect(view.queue.entries.find((e: { conversationId: string }) => e.conversationId === id).visitorName).toBe('Dana');
    alice.client.send({ type: 'accept', conversationId: id });
    expect((await visitor.client.next('conversation', (f) => f.conversation.status === 'active')).conversation.agentName).toBe('Alice');

    for (let i = 1; i <= 20; i++) visitor.client.send({ type: 'message', conversationId: id, clientId: `v-${i}`, text: `visitor ${i}` });
    for (let i = 1; i <= 20; i++) alice.client.send({ type: 'message', conversationId: id, clientId: `a-${i}`, text: `agent ${i}` });
    const toAgent: string[] = [];
    const toVisitor: string[] = [];
    while (toAgent.length < 20) {
      const { message } = await alice.client.next('message', (f) => f.message.kind === 'text' && f.message.from === 'visitor');
      toAgent.push(message.text);
    }
    while (toVisitor.length < 20) {
      const { message } = await visitor.client.next('message', (f) => f.message.kind === 'text' && f.message.from === 'agent');
      toVisitor.push(message.text);
    }
    expect(toAgent).toEqual(Array.from({ length: 20 }, (_, i) => `visitor ${i + 1}`));
    expect(toVisitor).toEqual(Array.from({ length: 20 }, (_, i) => `agent ${i + 1}`));
    // A resend of an acknowledged message, through another node, is stored once.
    const again = await connectVisitor(owner, 'GENERAL', visitor.token);
    again.client.send({ type: 'message', conversationId: id, clientId: 'v-3', text: 'visitor 3' });
    expect((await again.client.next('ack')).seq).toBe(visitor.client.frames.find((f) => f.type === 'ack' && f.clientId === 'v-3')!.seq);
    // Typing crosses nodes too.
    visitor.client.send({ type: 'typing', conversationId: id, active: true, draft: 'Where is my' });
    expect((await alice.client.next('typing')).draft).toBe('Where is my');

    // The statistics are the same, from memory, on every node.
    for (const node of [owner, visitorNode, agentNode]) {
      await expect
        .poll(async () => ((await (await fetch(`${node.http}/api/rooms/GENERAL/stats`)).json()) as any).agStatSummary.browserAgentStatus.SERVING_CUSTOMER)
        .toBe(1);
    }
    const details = (await (await fetch(`${visitorNode.http}/api/rooms/GENERAL/stats/details?key=${STATS_KEY}`)).json()) as any;
    expect(details.agStatDetails).toEqual([
      { agentID: 'alice@test.parley', agName: 'Alice', browserAgentStatus: 'SERVING_CUSTOMER', mobileAppAgentStatus: null },
    ]);
  });
});

describe('races across nodes', () => {
  it('makes one conversation of 50 starts for one visitor spread over three nodes', async () => {
    const nodes = (await threeNodes()).all;
    await connectAgent(nodes[2]!, 'alice@test.parley');
    const first = await connectVisitor(nodes[0]!);
    const pages = await Promise.all(Array.from({ length: 49 }, (_, i) => connectVisitor(nodes[(i + 1) % 3]!, 'GENERAL', first.token)));
    const all = [first, ...pages];
    for (const page of all) page.client.send({ type: 'start', form: { name: 'Dana' } });
    const ids = await Promise.all(all.map(async (page) => (await page.client.next('conversation')).conversation.id as string));
    expect(new Set(ids).size).toBe(1);
    const open = (await (await fetch(`${nodes[1]!.http}/api/rooms/GENERAL/stats`)).json()) as { result: string };
    expect(open.result).toBe('OK');
  });

  it('gives an offer accepted in the same instant on two nodes to exactly one agent, 200 times', async () => {
    const { owner, first, second } = await threeNodes();
    const nodes = [owner, first, second];
    const alice = await connectAgent(nodes[1]!, 'alice@test.parley');
    const bob = await connectAgent(nodes[2]!, 'bob@test.parley');
    const visitor = await connectVisitor(nodes[0]!);
    const winners = { Alice: 0, Bob: 0 };
    for (let round = 0; round < 200; round++) {
      visitor.client.send({ type: 'start', form: { name: `Round ${round}` } });
      const id = (await visitor.client.next('conversation', (f) => f.conversation.status === 'waiting')).conversation.id as string;
      await Promise.all([alice, bob].map((agent) => agent.client.next('offer', (f) => f.offer.conversationId === id)));
      // Both accepts leave in the same turn, each first half of the time.
      for (const agent of round % 2 === 0 ? [alice, bob] : [bob, alice]) agent.client.send({ type: 'accept', conversationId: id });
      const taken = await visitor.client.next('conversation', (f) => f.conversation.id === id && f.conversation.status === 'active');
      const winner = taken.conversation.agentName as 'Alice' | 'Bob';
      winners[winner]++;
      const loser = winner === 'Alice' ? bob : alice;
      expect((await loser.client.next('error', (f) => f.ref === id)).code).toBe('ALREADY_TAKEN');
      const serving = winner === 'Alice' ? alice : bob;
      await serving.client.next('conversation', (f) => f.conversation.id === id && f.conversation.status === 'active');
      serving.client.send({ type: 'end', conversationId: id });
      await visitor.client.next('conversation', (f) => f.conversation.id === id && f.conversation.status === 'ended');
      serving.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
      await serving.client.next('status', (f) => f.statuses.browser === 'WAITING_NEW_CALL');
    }
    expect(winners.Alice + winners.Bob).toBe(200);
    expect(Math.min(winners.Alice, winners.Bob)).toBeGreaterThan(0);
  }, 120_000);
});

describe('what every node answers alike', () => {
  it('gives the same statistics on every node within a second of a status change', async () => {
    const nodes = await cluster(3);
    const alice = await connectAgent(nodes[1]!, 'alice@test.parley', { status: 'TAKING_BREAK' });
    const counts = async () =>
      Promise.all(
        nodes.map(async (node) => {
          const stats = (await (await fetch(`${node.http}/api/rooms/GENERAL/stats`)).json()) as any;
          return `${stats.totalAgentLogon}/${stats.agStatSummary.browserAgentStatus.WAITING_NEW_CALL}`;
        }),
      );
    await expect.poll(counts).toEqual(['1/0', '1/0', '1/0']);
    for (const status of ['WAITING_NEW_CALL', 'TAKING_BREAK', 'WAITING_NEW_CALL']) {
      const changedAt = Date.now();
      alice.client.send({ type: 'status', status });
      const ready = status === 'WAITING_NEW_CALL' ? 1 : 0;
      await expect.poll(counts, { timeout: 1_000, interval: 20 }).toEqual([`1/${ready}`, `1/${ready}`, `1/${ready}`]);
      expect(Date.now() - changedAt).toBeLessThan(1_000);
    }
  });

  it('applies an admin’s save on one node to widgets and agents on the others, without a reconnect', async () => {
    const nodes = await cluster(3);
    const carol = await connectAgent(nodes[2]!, 'carol@test.parley');
    const visitor = await connectVisitor(nodes[1]!, 'SALES');
    const admin = await signInAdmin(nodes[0]!.http);
    const room = (await admin.get('/api/admin/rooms/SALES')).body;
    const saved = await admin.put('/api/admin/rooms/SALES', { version: room.version, room: { ...room.room, header: 'Sales, on every node' } });
    expect(saved.status).toBe(200);
    expect((await visitor.client.next('settings')).settings.branding.header).toBe('Sales, on every node');
    // Disabling Carol on the first node signs her out on the third at once.
    const agent = (await admin.get('/api/admin/agents/carol@test.parley')).body;
    expect((await admin.put('/api/admin/agents/carol@test.parley', { version: agent.version, agent: { ...agent.agent, disabled: true } })).status).toBe(200);
    expect((await carol.client.closed).code).toBe(4002);
    expect(visitor.client.socket.readyState).toBe(visitor.client.socket.OPEN);
    // Who is online, from the second node's memory.
    const other = await signInAdmin(nodes[1]!.http);
    await expect.poll(async () => (await other.get('/api/admin/agents/carol@test.parley')).body.online).toEqual({ browser: null, mobile: null });
  });
});

describe('limits that count across nodes', () => {
  it('slows down password guessing whichever nodes the guesses go to', async () => {
    const nodes = await cluster(3);
    const attempt = (i: number) =>
      fetch(`${nodes[i % 3]!.http}/api/agent/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'alice@test.parley', password: `guess-${i}` }),
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await attempt(i));
    // Five free failures, the sixth makes the next attempt wait, on whichever node it lands.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('limits connections per client address across nodes, by the address the proxy forwards', async () => {
    // A generous burst on each node; the cluster-wide limit (1 a minute + 20) is what binds.
    const nodes = await cluster(3, { RATE_CONNECTIONS_PER_MINUTE: '1', RATE_CONNECTIONS_BURST: '20', TRUST_PROXY: 'true' });
    const connect = (i: number, address: string) =>
      TestClient.refusal(`${nodes[i % 3]!.ws}/ws/visitor?room=GENERAL`, { 'x-forwarded-for': `203.0.113.9, ${address}` });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push(await connect(i, '198.51.100.7'));
    const firstRefused = statuses.indexOf(429);
    // Refused once over 21 in the minute, give or take the one connection each node takes before it hears the count.
    expect(firstRefused).toBeGreaterThanOrEqual(21);
    expect(firstRefused).toBeLessThanOrEqual(21 + 3);
    expect(statuses.slice(firstRefused + 3).every((status) => status === 429)).toBe(true);
    // Another client behind the same proxy is not held back.
    expect(await connect(0, '198.51.100.8')).toBe(101);
  });
});
