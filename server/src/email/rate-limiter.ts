import type { Clock } from '../core/clock.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Emails asked for in the last hour, per key (a visitor, an address), each key with its own
 * limit. A sliding window of timestamps: exact, and small (a key holds at most its limit).
 * Keys whose hour has passed are dropped as the map is swept, so it never grows past the keys
 * active in the last hour.
 */
export class EmailRateLimiter {
  private readonly sent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(private readonly clock: Clock) {}

  /** Milliseconds until `key` may have one more, or 0 when it may now. */
  waitFor(key: string, limit: number): number {
    const recent = this.recent(key);
    return recent.length < limit ? 0 : recent[recent.length - limit]! + HOUR_MS - this.clock.now();
  }

  /** Counts one email for each key. */
  count(keys: readonly string[]): void {
    const now = this.clock.now();
    for (const key of keys) {
      const recent = this.recent(key);
      recent.push(now);
      this.sent.set(key, recent);
    }
    if (now - this.lastSweep > HOUR_MS) this.sweep(now);
  }

  private recent(key: string): number[] {
    const since = this.clock.now() - HOUR_MS;
    const times = this.sent.get(key) ?? [];
    const first = times.findIndex((t) => t > since);
    return first <= 0 ? (first === 0 ? times : []) : times.slice(first);
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, times] of this.sent) if (times[times.length - 1]! <= now - HOUR_MS) this.sent.delete(key);
  }
}
