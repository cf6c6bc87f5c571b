import { describe, expect, it } from 'vitest';
import { randomId } from './random-id.js';

describe('randomId', () => {
  it('never hands out the same id twice, across many refills of the pool', () => {
    const ids = new Set<string>();
    // 16-, 32- and 12-byte ids interleaved, about 30 refills of the 4 KiB pool.
    for (let i = 0; i < 6000; i++) ids.add(randomId([16, 32, 12][i % 3]));
    expect(ids.size).toBe(6000);
  });

  it('is url-safe base64 of the asked number of bytes', () => {
    expect(randomId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomId(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(randomId(12), 'base64url')).toHaveLength(12);
  });
});
