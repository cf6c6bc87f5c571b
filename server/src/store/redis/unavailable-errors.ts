import { ErrorCode } from '@parley/shared';
import { ErrorReply } from 'redis';
import { Refusal } from '../../core/refusal.js';

/**
 * Whether a failure means "Redis cannot take this now" (the connection is down, Redis is loading
 * its append-only file, or this node's routing epoch is no longer the current one) rather than a
 * mistake: those become a retryable refusal the client hears as UNAVAILABLE and sends again.
 */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (!(error instanceof ErrorReply)) return true;
  return /^(LOADING|FENCED|BUSY|MASTERDOWN|TRYAGAIN|READONLY)/.test(error.message);
}

/** The role with every failure of the "not now" kind turned into an UNAVAILABLE refusal. */
export function refusingWhenUnavailable<T extends object>(role: T): T {
  return new Proxy(role, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
          if (!isUnavailable(error)) throw error;
          throw new Refusal(ErrorCode.UNAVAILABLE, 'The server cannot store this right now; nothing was stored. It will be sent again.');
        });
    },
  });
}
