import { FrameThrottle } from './frame-throttle.js';

/**
 * New connections per remote address. Offices and mobile carriers put many people behind one
 * address, so the limit is generous; it stops a script opening sockets in a loop. The table is
 * bounded: when full, the oldest addresses are forgotten (they start again with a full burst).
 */
export class AddressThrottle {
  private readonly buckets = new Map<string, FrameThrottle>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly maxAddresses = 100_000,
  ) {}

  /** True when another connection from this address is allowed now. */
  allow(address: string, now: number): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= this.maxAddresses) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
      bucket = new FrameThrottle(this.perMinute / 60, this.burst, now);
      this.buckets.set(address, bucket);
    }
    return bucket.take(now) === 0;
  }
}
