import type { SignInResponse } from '@parley/shared';
import type { Directory } from '../config/directory.js';
import type { Clock } from '../core/clock.js';
import type { Sessions } from '../sessions/sessions.js';
import type { LimitStore } from '../store/store.js';
import { errorResponse, json } from '../transport/json-response.js';
import { bearer } from './bearer.js';
import { checkPassword } from './password-check.js';
import { bodyUpTo, type Router, SIGN_IN_BODY_BYTES } from './router.js';
import { SignInThrottle } from './sign-in-throttle.js';

export type AgentSessionDeps = {
  directory: Directory;
  sessions: Sessions;
  /** Failed sign-ins are counted here (every node of a cluster shares them). */
  limits: LimitStore;
  clock: Clock;
  /** Ends the sockets opened with a session that was just signed out. */
  closeSession: (agentId: string, sessionHash: string) => Promise<void>;
};

/**
 * `POST /api/agent/sessions` signs in (id and password, JSON); `DELETE /api/agent/sessions/current`
 * signs out and closes every socket opened with that session at once.
 */
export function addAgentSessionRoutes(router: Router, deps: AgentSessionDeps): void {
  const { directory, sessions, clock, closeSession } = deps;
  const throttle = new SignInThrottle(deps.limits, 'agent');

  router.add(
    'POST',
    '/api/agent/sessions',
    async (request) => {
      const checked = await checkPassword(request, throttle, clock, (id) => directory.agent(id));
      if (!checked.ok) return checked.response;
      const agent = checked.account;
      // Told only to someone who knows the password: it reveals nothing to a guesser.
      if (agent.disabled) return errorResponse(403, 'ACCOUNT_DISABLED', 'This account is disabled. Ask your admin.');
      const { token, expiresAt } = await sessions.signInAgent(agent.id);
      const answer: SignInResponse = {
        token,
        expiresAt,
        agent: { id: agent.id, name: agent.name, rooms: agent.rooms, privateRoom: agent.privateRoom, capacity: agent.capacity ?? null },
      };
      return json(201, answer, { 'cache-control': 'no-store' });
    },
    bodyUpTo(SIGN_IN_BODY_BYTES),
  );

  router.add('DELETE', '/api/agent/sessions/current', async (request) => {
    const token = bearer(request);
    const found = token ? await sessions.agent(token) : null;
    if (!found) return errorResponse(401, 'NOT_SIGNED_IN', 'This session has already ended.');
    await sessions.signOut(found.sessionHash);
    await closeSession(found.agentId, found.sessionHash);
    return { status: 204 };
  });
}
