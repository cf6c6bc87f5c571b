/**
 * Slows down password guessing: after a few failures for the same address or the same agent id,
 * each further attempt must wait, doubling up to a quarter of an hour. A success clears the
 * agent's count. Bounded table, oldest entries forgotten first.
 */
const FREE_FAILURES = 5;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 50_000;

type Entry = { failures: number; retryAt: number };

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  /** Milliseconds until an attempt for these keys is allowed; 0 when allowed now. */
  wait(keys: string[], now: number): number {
    return Math.max(0, ...keys.map((key) => (this.entries.get(key)?.retryAt ?? 0) - now));
  }

  failed(keys: string[], now: number): void {
    for (const key of keys) {
      const entry = this.entries.get(key) ?? { failures: 0, retryAt: 0 };
      entry.failures++;
      if (entry.failures > FREE_FAILURES) entry.retryAt = now + Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (entry.failures - FREE_FAILURES - 1));
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
  }

  succeeded(key: string): void {
    this.entries.delete(key);
  }
}
