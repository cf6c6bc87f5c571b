import { describe, expect, it } from 'vitest';
import { ClientIdIndex } from './client-id-index.js';

describe('client id index', () => {
  it('finds every id it was given, and none it was not, through growth', () => {
    const index = new ClientIdIndex();
    const ids = Array.from({ length: 5000 }, (_, i) => `client-${i}-${(i * 7919) % 1000}`);
    ids.forEach((id, i) => {
      index.add(id, i + 1);
    });
    const stored = (seq: number) => ids[seq - 1];
    expect(ids.every((id, i) => index.find(id, stored) === i + 1)).toBe(true);
    expect(index.find('client-5000-0', stored)).toBe(0);
    expect(index.find('', stored)).toBe(0);
  });

  it('trusts no hash alone: a candidate whose stored message has another id is not a match', () => {
    const index = new ClientIdIndex();
    index.add('a', 1);
    expect(index.find('a', () => 'a')).toBe(1);
    // As if another id had the same hash: the stored message says which id it really has.
    expect(index.find('a', () => 'b')).toBe(0);
  });
});
