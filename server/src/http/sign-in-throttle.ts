import type { LimitCount, LimitStore } from '../store/store.js';

/**
 * Slows down password guessing without letting anyone lock an agent out. Failures are counted
 * per address, per (address, account) and per account; after a few, each further attempt must
 * wait, doubling up to a quarter of an hour. The account's count only slows addresses that have
 * failed themselves: a guesser spread over many addresses is slowed once each has failed, and
 * the agent, from an address that has not failed, signs in with the right password whatever
 * others tried. A success clears the account's counts. The counts are the store's, so on several
 * nodes a guesser gains nothing by going from one to another.
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

  /** Milliseconds until `address` may try to sign in as `id`; 0 when allowed now. */
  async wait(address: string, id: string, now: number): Promise<number> {
    const [byAddress, byPair, byAccount] = await this.limits.read(this.keys(address, id));
    const waitFor = (count: LimitCount | null) => (count ? Math.max(0, count.lastAt + delayAfter(count.count) - now) : 0);
    return Math.max(waitFor(byAddress ?? null), waitFor(byPair ?? null), byAddress ? waitFor(byAccount ?? null) : 0);
  }

  async failed(address: string, id: string, now: number): Promise<void> {
    await Promise.all(this.keys(address, id).map((key) => this.limits.hit(key, now, FORGET_MS)));
  }

  async succeeded(address: string, id: string): Promise<void> {
    const [, pair, account] = this.keys(address, id);
    await Promise.all([this.limits.clear(pair), this.limits.clear(account)]);
  }

  private keys(address: string, id: string): [string, string, string] {
    const prefix = `signin:${this.scope}`;
    return [`${prefix}:ip:${address}`, `${prefix}:ipid:${address}:${id}`, `${prefix}:id:${id}`];
  }
}
