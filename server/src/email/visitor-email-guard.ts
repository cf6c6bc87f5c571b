import { ErrorCode } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import type { EmailRateLimiter } from './rate-limiter.js';

export type EmailLimits = { perVisitorPerHour: number; perAddressPerHour: number };

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * What keeps the email buttons from being a way to mail anyone anything: each visitor may ask
 * for a few emails an hour, and each address a visitor names receives a few an hour, whoever
 * asks. The room's own addresses (sales, transcripts) and agents' are not limited.
 */
export class VisitorEmailGuard {
  constructor(
    private readonly limiter: EmailRateLimiter,
    private readonly limits: EmailLimits,
  ) {}

  /** Throws EMAIL_RATE_LIMITED, saying when to try again, if this request would pass a limit. */
  check(visitorId: string, address: string | null): void {
    const visitorWait = this.limiter.waitFor(`visitor:${visitorId}`, this.limits.perVisitorPerHour);
    if (visitorWait > 0) {
      throw new Refusal(ErrorCode.EMAIL_RATE_LIMITED, `You have asked for several emails lately; try again in ${minutes(visitorWait)} minutes.`);
    }
    const addressWait = address ? this.limiter.waitFor(`address:${address.toLowerCase()}`, this.limits.perAddressPerHour) : 0;
    if (addressWait > 0) {
      throw new Refusal(ErrorCode.EMAIL_RATE_LIMITED, `This address has been sent several emails lately; try again in ${minutes(addressWait)} minutes.`);
    }
  }

  count(visitorId: string, address: string | null): void {
    this.limiter.count(address ? [`visitor:${visitorId}`, `address:${address.toLowerCase()}`] : [`visitor:${visitorId}`]);
  }
}
