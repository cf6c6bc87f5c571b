import type { LimitStore } from '../store/store.js';

/**
 * Slows down password guessing: after a few failures for the same address or the same account id,
 * each further attempt must wait, doubling up to a quarter of an hour. A success clears the
 * account's count. The counts are the store's, so on several nodes a guesser gains nothing by
 * going from one to another.
 */
const FREE_FAILURES = 5;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
/** A count is forgotten this long after its last failure. */
const FORGET_MS = 24 * 3600 * 1000;

function delayAfter(failures: number): number {
  return failures > FREE_FAILURES ? Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1)) : 0;
}

export class SignInThrottle {
  constructor(
    private readonly limits: LimitStore,
    /** Agents' and admins' sign-ins are counted apart. */
    private readonly scope: 'agent' | 'admin',
  ) {}

  /** Milliseconds until an attempt for these keys is allowed; 0 when allowed now. */
  async wait(keys: string[], now: number): Promise<number> {
    const counts = await this.limits.read(keys.map((key) => `signin:${this.scope}:${key}`));
    return Math.max(0, ...counts.map((count) => (count ? count.lastAt + delayAfter(count.count) - now : 0)));
  }

  async failed(keys: string[], now: number): Promise<void> {
    await Promise.all(keys.map((key) => this.limits.hit(`signin:${this.scope}:${key}`, now, FORGET_MS)));
  }

  async succeeded(key: string): Promise<void> {
    await this.limits.clear(`signin:${this.scope}:${key}`);
  }
}
