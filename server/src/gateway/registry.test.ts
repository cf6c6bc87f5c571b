import { describe, expect, it } from 'vitest';
import type { Connection } from '../transport/transport.js';
import { ConnectionRegistry } from './registry.js';

/** A connection that records what it was sent. */
function tab(): Connection & { sent: string[] } {
  const sent: string[] = [];
  return { remoteAddress: '127.0.0.1', closed: false, sent, send: (text) => void sent.push(text), close: () => {}, cork: (batch) => batch() };
}

const frame = { type: 'typing', conversationId: 'c'.repeat(22), active: true } as const;

describe('ConnectionRegistry, visitors', () => {
  it('reaches every tab of a visitor but the one that caused the frame, and the rest after a tab closes', () => {
    const registry = new ConnectionRegistry();
    const [first, second, third] = [tab(), tab(), tab()];
    registry.addVisitor('v1', first);
    registry.toVisitor('v1', frame);
    registry.addVisitor('v1', second);
    registry.addVisitor('v1', third);
    registry.toVisitor('v1', frame, registry.refOf(first));
    registry.removeVisitor('v1', second);
    registry.toVisitor('v1', frame);
    registry.removeVisitor('v1', first);
    registry.toVisitor('v1', frame);
    registry.removeVisitor('v1', third);
    registry.toVisitor('v1', frame);
    expect([first.sent.length, second.sent.length, third.sent.length]).toEqual([2, 1, 3]);
    expect(JSON.parse(third.sent[0]!)).toEqual(frame);
  });

  it('sends nothing to a visitor whose only connection is the sender', () => {
    const registry = new ConnectionRegistry();
    const only = tab();
    registry.addVisitor('v1', only);
    registry.addVisitor('v1', only);
    registry.toVisitor('v1', frame, registry.refOf(only));
    registry.removeVisitor('v1', only);
    registry.toVisitor('v1', frame);
    expect(only.sent).toEqual([]);
  });
});

describe('ConnectionRegistry, agents', () => {
  it('names connections uniquely across nodes, and closes an agent’s connections by session or by client', () => {
    const [a, b] = [new ConnectionRegistry('node-a'), new ConnectionRegistry('node-b')];
    const [one, two, three] = [tab(), tab(), tab()];
    expect(a.refOf(one)).not.toEqual(b.refOf(two));
    expect(a.refOf(one)).toEqual(a.refOf(one));
    const closed: string[] = [];
    for (const [connection, name] of [
      [one, 'one'],
      [two, 'two'],
      [three, 'three'],
    ] as const)
      connection.close = () => void closed.push(name);
    a.addAgent('alice', one, { client: 'browser', sessionHash: 'h1' });
    a.addAgent('alice', two, { client: 'mobile', sessionHash: 'h1' });
    a.addAgent('alice', three, { client: 'mobile', sessionHash: 'h2' });
    a.closeAgent('alice', { sessionHash: 'h2' });
    expect(closed).toEqual(['three']);
    a.closeAgent('alice', { clients: ['browser'] });
    expect(closed).toEqual(['three', 'one']);
  });
});
