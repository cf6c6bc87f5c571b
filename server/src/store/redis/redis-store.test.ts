import { afterAll, describe, expect, it } from 'vitest';
import { conversation, text } from '../contract/fixtures.js';
import { freshPrefix, sharedTestRedisUrl } from '../contract/test-redis.js';
import type { Store } from '../store.js';
import { redisKeys } from './redis-keys.js';
import { openRedisStore, type RedisStore } from './redis-store.js';

const opened: Store[] = [];
/** Redis servers a test started for itself: stopped even when the test fails, so none is left running. */
const servers: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await Promise.all(servers.map((server) => server.stop()));
});

/** Two nodes: two stores, each with its own connection, on the same place. */
async function twoNodes(): Promise<[RedisStore, RedisStore]> {
  const url = sharedTestRedisUrl();
  const prefix = freshPrefix();
  const nodes = await Promise.all([openRedisStore({ url, prefix }), openRedisStore({ url, prefix })]);
  opened.push(...nodes);
  return nodes;
}

describe('the Redis store across nodes', () => {
  it('never gives two nodes the same sequence number, and stores a resend on another node once', async () => {
    const [a, b] = await twoNodes();
    await a.conversations.save(conversation('c1'));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).messages.append('c1', text(`m${i % 150}`, `text ${i % 150}`))),
    );
    const fresh = results.filter((r) => !r.duplicate).map((r) => r.message.seq);
    expect(fresh.sort((x, y) => x - y)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    // Each resend answers with the message as first stored.
    for (const result of results) expect(result.message).toMatchObject({ clientId: expect.stringMatching(/^m/) });
    const stored = await b.messages.after('c1', 0, 1000);
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(150);
    expect((await a.conversations.get('c1'))?.lastSeq).toBe(150);
  });

  it('refuses conversation writes from a node whose routing epoch is no longer the current one', async () => {
    const [a, b] = await twoNodes();
    const keys = redisKeys(a.prefix);
    await a.client.sendCommand(['SET', keys.routingEpoch, '7']);
    a.setFence('7');
    await a.conversations.save(conversation('c1'));
    // Node b takes routing over (epoch 8): a's writes now fail, b's pass.
    await b.client.sendCommand(['SET', keys.routingEpoch, '8']);
    b.setFence('8');
    await expect(a.conversations.save(conversation('c1', { status: 'ended' }))).rejects.toThrow(/cannot store/);
    await expect(a.conversations.claim('c1', { id: 'alice', name: 'Alice', client: 'browser' }, 5)).rejects.toThrow(/cannot store/);
    expect(await b.conversations.claim('c1', { id: 'bob', name: 'Bob', client: 'browser' }, 6)).toMatchObject({ agentId: 'bob' });
    expect(await a.conversations.get('c1')).toMatchObject({ status: 'active', agentId: 'bob' });
  });

  it('fails at once, without queueing, while Redis cannot be reached', async () => {
    const { RedisServerProcess } = await import('./redis-server-process.js');
    const redis = await RedisServerProcess.start();
    servers.push(redis);
    const store = await openRedisStore({ url: redis.url, prefix: freshPrefix() });
    opened.push(store);
    await store.conversations.save(conversation('c1'));
    await redis.kill();
    await expect(store.messages.append('c1', text('lost?'))).rejects.toThrow();
    await redis.restart();
    await expect.poll(() => store.messages.append('c1', text('after')).then((r) => r.message.seq), { timeout: 10_000, interval: 100 }).toBe(1);
    await redis.stop();
  });

  it('keeps messages in the order they were sent when a restarted Redis has forgotten its scripts', async () => {
    const { RedisServerProcess } = await import('./redis-server-process.js');
    const redis = await RedisServerProcess.start();
    servers.push(redis);
    const store = await openRedisStore({ url: redis.url, prefix: freshPrefix() });
    opened.push(store);
    await store.conversations.save(conversation('c1'));
    await store.messages.append('c1', text('before'));
    await redis.stop();
    await redis.restart();
    const answers = () =>
      store.conversations.get('c1').then(
        () => true,
        () => false,
      );
    await expect.poll(answers, { timeout: 10_000, interval: 50 }).toBe(true);
    // One message per event-loop turn, as frames arrive: the first answers of "script unknown"
    // come back while later messages are being sent.
    const sent: Promise<unknown>[] = [];
    for (let i = 1; i <= 100; i++) {
      sent.push(store.messages.append('c1', text(`m${i}`)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(sent);
    const stored = await store.messages.after('c1', 0, 1000);
    expect(stored.map((m) => m.clientId)).toEqual(['before', ...Array.from({ length: 100 }, (_, i) => `m${i + 1}`)]);
    await redis.stop();
  });
});
