import { SignInRequest } from '@parley/shared';
import { verifyPassword } from '../config/password.js';
import type { Clock } from '../core/clock.js';
import { errorResponse } from '../transport/json-response.js';
import type { HttpRequest, HttpResponse } from '../transport/transport.js';
import { readJson } from './json-body.js';
import { SIGN_IN_BODY_BYTES } from './router.js';
import type { SignInThrottle } from './sign-in-throttle.js';

/** A hash of a password nobody has, checked for unknown ids so that they take as long as known ones. */
const DECOY_HASH = `scrypt$32768$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/**
 * The common half of signing in (agents and admins alike): the `{ id, password }` body, the
 * throttle on the address and the id, and the password checked in the same time whether the id
 * exists or not. Resolves with the account, or the refusal to answer with.
 */
export async function checkPassword<A extends { passwordHash?: string | undefined }>(
  request: HttpRequest,
  throttle: SignInThrottle,
  clock: Clock,
  find: (id: string) => A | undefined,
): Promise<{ ok: true; account: A } | { ok: false; response: HttpResponse }> {
  const body = readJson(request, SignInRequest, SIGN_IN_BODY_BYTES);
  if (!body.ok) return body;
  const id = body.value.id.trim().toLowerCase();
  const wait = await throttle.wait(request.remoteAddress, id, clock.now());
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    return {
      ok: false,
      response: errorResponse(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${seconds} seconds.`, { 'retry-after': String(seconds) }),
    };
  }
  const account = find(id);
  // An account without a password yet (invited) is checked against the decoy: no password opens it.
  const valid = await verifyPassword(body.value.password, account?.passwordHash ?? DECOY_HASH);
  if (!account || !valid || !account.passwordHash) {
    await throttle.failed(request.remoteAddress, id, clock.now());
    return { ok: false, response: errorResponse(401, 'BAD_CREDENTIALS', 'Wrong email or password.') };
  }
  await throttle.succeeded(request.remoteAddress, id);
  return { ok: true, account };
}
