import { describe, expect, it } from 'vitest';
import { ackJson } from './ack-json.js';

describe('ackJson', () => {
  it('writes exactly what JSON.stringify writes, whatever the ids hold', () => {
    for (const clientId of ['v-1', 'a:b.c_d', 'quote"back\\slash', '\u2028é✓']) {
      const ack = { type: 'ack', conversationId: 'c0nversation_Id-123456', clientId, seq: 42, at: 1_763_000_000_000 } as const;
      expect(ackJson(ack)).toBe(JSON.stringify(ack));
    }
  });
});
