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
    registry.toVisitor('v1', frame, first);
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
    registry.toVisitor('v1', frame, only);
    registry.removeVisitor('v1', only);
    registry.toVisitor('v1', frame);
    expect(only.sent).toEqual([]);
  });
});
