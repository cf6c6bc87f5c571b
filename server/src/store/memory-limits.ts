import type { LimitCount, LimitStore } from './store.js';

/** Keys kept at most: when full, the oldest are forgotten (they start again from nothing). */
const MAX_KEYS = 100_000;

/** Rate-limit counters in this process (the embedded store: one node counts alone). */
export function memoryLimits(now: () => number): LimitStore {
  const counts = new Map<string, LimitCount & { forgetAt: number }>();
  const live = (key: string) => {
    const entry = counts.get(key);
    if (entry && entry.forgetAt <= now()) {
      counts.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    async hit(key, at, forgetMs, amount = 1) {
      const entry = live(key) ?? { count: 0, lastAt: 0, forgetAt: 0 };
      entry.count += amount;
      entry.lastAt = at;
      entry.forgetAt = now() + forgetMs;
      // Moved to the end: the table forgets the least recently hit first.
      counts.delete(key);
      counts.set(key, entry);
      if (counts.size > MAX_KEYS) counts.delete(counts.keys().next().value!);
      return { count: entry.count, lastAt: entry.lastAt };
    },
    async read(keys) {
      return keys.map((key) => {
        const entry = live(key);
        return entry ? { count: entry.count, lastAt: entry.lastAt } : null;
      });
    },
    async clear(key) {
      counts.delete(key);
    },
  };
}
