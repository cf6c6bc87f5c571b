import { z } from 'zod';
import { ErasureRefused } from '../../store/embedded-maintenance.js';
import { errorResponse, json } from '../../transport/json-response.js';
import { readJson } from '../json-body.js';
import type { Router } from '../router.js';
import { type AdminDeps, addAdminRoute } from './admin-deps.js';

/** Who to erase: exactly one of a visitor id or an email address given in a form. */
const ErasureBody = z.union([
  z.strictObject({ visitorId: z.string().trim().min(1).max(128) }),
  z.strictObject({ email: z.email({ error: 'must be an email address' }).max(254) }),
]);

/**
 * `POST /api/admin/erasure` `{visitorId}` or `{email}`: erases a visitor's conversations, messages,
 * files, sessions and emails from everything the store keeps (a data subject's request). Answers
 * once nothing is left, with how much went; the audit log (subject `privacy:erasure`) records that
 * it happened and who asked, not about whom.
 */
export function addAdminPrivacyRoutes(router: Router, deps: AdminDeps): void {
  addAdminRoute(router, deps, 'POST', '/api/admin/erasure', async (request, _params, caller) => {
    const body = readJson(request, ErasureBody);
    if (!body.ok) return body.response;
    const maintenance = deps.store.maintenance;
    if (!maintenance) {
      return errorResponse(
        501,
        'NOT_SUPPORTED',
        `STORE=${deps.store.kind} keeps no history of its own to erase from: with Redis, delete the visitor's keys there; the memory store forgets everything at restart.`,
      );
    }
    try {
      return json(200, await maintenance.erase(body.value, caller.actor));
    } catch (error) {
      if (error instanceof ErasureRefused) return errorResponse(409, 'CONVERSATION_OPEN', error.message);
      throw error;
    }
  });
}
