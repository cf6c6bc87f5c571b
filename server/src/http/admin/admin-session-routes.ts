import { errorResponse, json } from '../../transport/json-response.js';
import { bearer } from '../bearer.js';
import { checkPassword } from '../password-check.js';
import { bodyUpTo, type Router, SIGN_IN_BODY_BYTES } from '../router.js';
import { SignInThrottle } from '../sign-in-throttle.js';
import { noStore } from './admin-auth.js';
import { type AdminDeps, addAdminRoute } from './admin-deps.js';

/**
 * `POST /api/admin/sessions` signs an admin in (id and password, throttled as agents' are);
 * `DELETE /api/admin/sessions/current` signs out; `GET /api/admin/me` says who is signed in and
 * where Parley is reached (the console builds embed codes and links from it).
 */
export function addAdminSessionRoutes(router: Router, deps: AdminDeps): void {
  const { settings, sessions, clock } = deps;
  const throttle = new SignInThrottle(deps.store.limits, 'admin');

  router.add(
    'POST',
    '/api/admin/sessions',
    async (request) => {
      const checked = await checkPassword(request, throttle, clock, (id) => settings.admin(id));
      if (!checked.ok) return noStore(checked.response);
      const admin = checked.account;
      const { token, expiresAt } = await sessions.signInAdmin(admin.id.toLowerCase());
      return noStore(json(201, { token, expiresAt, admin: { id: admin.id, name: admin.name } }));
    },
    bodyUpTo(SIGN_IN_BODY_BYTES),
  );

  router.add('DELETE', '/api/admin/sessions/current', async (request) => {
    const token = bearer(request);
    const found = token ? await sessions.admin(token) : null;
    if (!found) return noStore(errorResponse(401, 'NOT_SIGNED_IN', 'This session has already ended.'));
    await sessions.signOut(found.sessionHash);
    return { status: 204, headers: { 'cache-control': 'no-store' } };
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/me', (_request, _params, caller) => {
    const admin = settings.admin(caller.adminId);
    return json(200, { admin: { id: admin?.id ?? caller.adminId, name: admin?.name ?? caller.adminId }, publicUrl: deps.publicUrl });
  });
}
