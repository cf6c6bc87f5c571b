import { describe, expect, it } from 'vitest';
import type { StoreFactory } from './store-factory.js';

/** Rate-limit counters: counted, read, cleared, and forgotten a while after their last hit. */
export function limitsContract(factory: StoreFactory): void {
  describe(`rate-limit counters: ${factory.name}`, () => {
    it('counts hits under a key with the time of the last, reads several keys, and clears one', async () => {
      const store = await factory.place().open();
      expect(await store.limits.hit('ip:10.0.0.1', 1_000, 60_000)).toEqual({ count: 1, lastAt: 1_000 });
      expect(await store.limits.hit('ip:10.0.0.1', 2_000, 60_000)).toEqual({ count: 2, lastAt: 2_000 });
      await store.limits.hit('id:ann@example.com', 3_000, 60_000);
      expect(await store.limits.read(['ip:10.0.0.1', 'id:ann@example.com', 'id:nobody'])).toEqual([
        { count: 2, lastAt: 2_000 },
        { count: 1, lastAt: 3_000 },
        null,
      ]);
      await store.limits.clear('ip:10.0.0.1');
      expect(await store.limits.read(['ip:10.0.0.1'])).toEqual([null]);
    });

    it('counts amounts (bytes for a quota) as well as single hits', async () => {
      const store = await factory.place().open();
      await store.limits.hit('bytes:c1', 1_000, 60_000, 5_000_000);
      expect(await store.limits.hit('bytes:c1', 2_000, 60_000, 2_500)).toEqual({ count: 5_002_500, lastAt: 2_000 });
    });

    it('forgets a count once its last hit is old enough, and a new hit keeps it', async () => {
      const store = await factory.place().open();
      await store.limits.hit('short', 1, 150);
      await store.limits.hit('long', 1, 60_000);
      await expect.poll(async () => (await store.limits.read(['short']))[0], { timeout: 5_000, interval: 25 }).toBeNull();
      expect((await store.limits.read(['long']))[0]).toEqual({ count: 1, lastAt: 1 });
      expect(await store.limits.hit('short', 2, 60_000)).toEqual({ count: 1, lastAt: 2 });
    });
  });
}
