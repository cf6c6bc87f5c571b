import { describe, expect, it } from 'vitest';
import { PublishBatches, unbatch } from './publish-batches.js';

const channels = { all: 'all', owner: 'owner' };

/** Publishes through a batcher for one turn and returns what went to Redis, in order. */
async function sent(say: (batches: PublishBatches) => Promise<void>[]): Promise<{ channel: string; messages: string[] }[]> {
  const wire: { channel: string; messages: string[] }[] = [];
  const batches = new PublishBatches(channels, async (channel, payload) => {
    wire.push({ channel, messages: unbatch(payload) });
  });
  await Promise.all(say(batches));
  return wire;
}

/** What one node hears, in order: `all`, its own channel, and `owner` when it routes. */
function heardBy(wire: { channel: string; messages: string[] }[], node: string, routes = false): string[] {
  return wire.filter(({ channel }) => channel === 'all' || channel === node || (routes && channel === 'owner')).flatMap(({ messages }) => messages);
}

describe('publish batches', () => {
  it('sends what one turn says to one node in one PUBLISH, and a lone message as it is', async () => {
    const wire = await sent((b) => [b.publish('node:a', 'v\t1'), b.publish('node:a', 'v\t2'), b.publish('node:a', 'v\t3')]);
    expect(wire).toEqual([{ channel: 'node:a', messages: ['v\t1', 'v\t2', 'v\t3'] }]);
    const lone: string[] = [];
    await new PublishBatches(channels, async (_channel, payload) => lone.push(payload)).publish('all', '{"id":"1"}');
    expect(lone).toEqual(['{"id":"1"}']);
  });

  it('keeps the order every node hears, merging only where no node could tell', async () => {
    const said = [
      ['node:a', 'a1'],
      ['node:b', 'b1'],
      ['node:a', 'a2'], // joins a1: node b's channel is not heard by a
      ['all', 'x1'],
      ['node:a', 'a3'], // after x1 for everyone who hears both: a new batch
      ['owner', 'o1'],
      ['node:b', 'b2'], // the owner may be b: not merged past o1
      ['all', 'x2'],
    ] as const;
    const wire = await sent((b) => said.map(([channel, message]) => b.publish(channel, message)));
    expect(wire.length).toBeLessThan(said.length);
    const inOrder = (node: string, routes: boolean) => said.filter(([c]) => c === 'all' || c === node || (routes && c === 'owner')).map(([, m]) => m);
    for (const node of ['node:a', 'node:b']) {
      for (const routes of [false, true]) expect(heardBy(wire, node, routes)).toEqual(inOrder(node, routes));
    }
  });

  it('sends a message with a line break of its own alone, and caps a batch by size', async () => {
    const big = 'v\t'.padEnd(200 * 1024, 'x');
    const wire = await sent((b) => [b.publish('all', 'one\ntwo'), b.publish('all', 'three'), b.publish('all', big), b.publish('all', big)]);
    expect(wire.map(({ messages }) => messages.length)).toEqual([1, 2, 1]);
    expect(wire[0]!.messages).toEqual(['one\ntwo']);
  });

  it('fails every message of a batch Redis refused, and only those', async () => {
    let calls = 0;
    const batches = new PublishBatches(channels, async () => {
      if (calls++ === 0) throw new Error('Redis is away');
    });
    const first = [batches.publish('all', 'x1'), batches.publish('all', 'x2')];
    await expect(Promise.all(first)).rejects.toThrow('Redis is away');
    await expect(batches.publish('all', 'x3')).resolves.toBeUndefined();
  });
});
