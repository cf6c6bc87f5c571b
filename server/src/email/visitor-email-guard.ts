import { ErrorCode } from '@parley/shared';
import type { EmailRequester } from '../core/party.js';
import { Refusal } from '../core/refusal.js';
import type { EmailRateLimiter } from './rate-limiter.js';

export type EmailLimits = {
  perVisitorPerHour: number;
  /** A visitor id is free to replace (connect without a token): the network address it asks from counts too. */
  perNetworkPerHour: number;
  perAddressPerHour: number;
  /** What reaches one room's own addresses (leads, transcript copies, agents' alerts), whoever asks. */
  perRoomPerHour: number;
};

/** One visitor's request for an email: who asks, the address they typed (if any), and the room whose own addresses it reaches (if any). */
export type EmailAsk = { requester: EmailRequester; to: string | null; room: string | null };

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * What keeps the email buttons from being a way to mail anyone anything: each visitor, and each
 * network address visitors come from, may ask for a few emails an hour; each address a visitor
 * names receives a few an hour, whoever asks; and each room's own addresses receive at most so
 * many an hour from visitors, so that a crowd of fresh visitors cannot bury the sales inbox.
 */
export class VisitorEmailGuard {
  constructor(
    private readonly limiter: EmailRateLimiter,
    private readonly limits: EmailLimits,
  ) {}

  /** Throws EMAIL_RATE_LIMITED, saying when to try again, if this request would pass a limit. */
  check(ask: EmailAsk): void {
    const { limiter, limits } = this;
    const asker = Math.max(
      limiter.waitFor(`visitor:${ask.requester.visitorId}`, limits.perVisitorPerHour),
      limiter.waitFor(`network:${ask.requester.network}`, limits.perNetworkPerHour),
    );
    if (asker > 0) throw new Refusal(ErrorCode.EMAIL_RATE_LIMITED, `You have asked for several emails lately; try again in ${minutes(asker)} minutes.`);
    const address = ask.to ? limiter.waitFor(`address:${ask.to.toLowerCase()}`, limits.perAddressPerHour) : 0;
    if (address > 0) {
      throw new Refusal(ErrorCode.EMAIL_RATE_LIMITED, `This address has been sent several emails lately; try again in ${minutes(address)} minutes.`);
    }
    const room = ask.room ? limiter.waitFor(`room:${ask.room}`, limits.perRoomPerHour) : 0;
    if (room > 0) throw new Refusal(ErrorCode.EMAIL_RATE_LIMITED, `We have received many messages lately; try again in ${minutes(room)} minutes.`);
  }

  count(ask: EmailAsk): void {
    const keys = [`visitor:${ask.requester.visitorId}`, `network:${ask.requester.network}`];
    if (ask.to) keys.push(`address:${ask.to.toLowerCase()}`);
    if (ask.room) keys.push(`room:${ask.room}`);
    this.limiter.count(keys);
  }
}
