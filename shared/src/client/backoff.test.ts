import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.js';
import { contiguousSeq, mergeMessages } from './message-log.js';

describe('reconnect timing and message order', () => {
  it('backs off exponentially with jitter, up to half a minute', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
    expect(reconnectDelay(30, () => 1)).toBe(30_000);
    expect(reconnectDelay(30, () => 0)).toBe(15_000);
  });

  it('merges by sequence number, each once, in order', () => {
    const at = 0;
    const a = { seq: 1, clientId: 'a', at, kind: 'text', from: 'agent', text: 'a' } as const;
    const b = { seq: 2, clientId: 'b', at, kind: 'text', from: 'visitor', text: 'b' } as const;
    const c = { seq: 3, clientId: 'c', at, kind: 'text', from: 'agent', text: 'c' } as const;
    const merged = mergeMessages([a, c], [b, c, a]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(contiguousSeq(merged)).toBe(3);
    const same = [a];
    expect(mergeMessages(same, [a])).toBe(same);
  });
});
