import type { Sessions } from '../../sessions/sessions.js';
import { errorResponse } from '../../transport/json-response.js';
import type { HttpRequest, HttpResponse } from '../../transport/transport.js';
import { bearer } from '../bearer.js';

/** Who is asking, as the audit log names them. */
export type AdminCaller = { adminId: string; sessionHash: string; actor: string };

/**
 * The admin a request is made by, or the refusal: 401 without a live admin session, 403 for an
 * agent's (an agent's sign-in never opens the admin API, even for a person who is both).
 */
export async function adminOf(request: HttpRequest, sessions: Sessions): Promise<AdminCaller | HttpResponse> {
  const token = bearer(request);
  const admin = token ? await sessions.admin(token) : null;
  if (admin) return { ...admin, actor: `admin:${admin.adminId}` };
  if (token && (await sessions.party(token))?.kind === 'agent') {
    return noStore(errorResponse(403, 'NOT_AN_ADMIN', "This is an agent's sign-in; the admin console needs an admin's."));
  }
  return noStore(errorResponse(401, 'NOT_SIGNED_IN', 'Sign in as an admin and send the session token as Authorization: Bearer.'));
}

export function isResponse(value: unknown): value is HttpResponse {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as HttpResponse).status === 'number';
}

/** Admin answers hold settings and secrets: never kept by a cache. */
export function noStore(response: HttpResponse): HttpResponse {
  return { ...response, headers: { ...response.headers, 'cache-control': 'no-store' } };
}
