import type { LimitStore } from '../store/store.js';
import { FrameThrottle } from './frame-throttle.js';

const MINUTE_MS = 60_000;

/**
 * New connections per remote address. Offices and mobile carriers put many people behind one
 * address, so the limit is generous; it stops a script opening sockets in a loop. The table is
 * bounded: when full, the oldest addresses are forgotten (they start again with a full burst).
 *
 * On several nodes each also counts every connection it accepts in the store, per address and
 * minute: an address over `perMinute + burst` in a minute, whatever nodes it spread over, is
 * refused by each node that learns it for the rest of that minute. (The decision stays
 * synchronous, as the upgrade needs; a burst can pass the limit by the few connections the nodes
 * accept before their counts come back.)
 */
export class AddressThrottle {
  private readonly buckets = new Map<string, FrameThrottle>();
  /** Addresses over the cluster-wide limit, until the end of the minute in which they went over. */
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly shared: LimitStore | null = null,
    private readonly maxAddresses = 100_000,
  ) {}

  /** True when another connection from this address is allowed now. */
  allow(address: string, now: number): boolean {
    const until = this.blocked.get(address);
    if (until !== undefined) {
      if (until > now) return false;
      this.blocked.delete(address);
    }
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= this.maxAddresses) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
      bucket = new FrameThrottle(this.perMinute / 60, this.burst, now);
      this.buckets.set(address, bucket);
    }
    if (bucket.take(now) !== 0) return false;
    if (this.shared) this.countShared(address, now);
    return true;
  }

  private countShared(address: string, now: number): void {
    const minute = Math.floor(now / MINUTE_MS);
    this.shared!.hit(`conn:${address}:${minute}`, now, MINUTE_MS).then(
      ({ count }) => {
        if (count <= this.perMinute + this.burst) return;
        if (this.blocked.size >= this.maxAddresses) this.blocked.delete(this.blocked.keys().next().value!);
        this.blocked.set(address, (minute + 1) * MINUTE_MS);
      },
      // The store is away: this node's own limit still holds.
      () => {},
    );
  }
}
