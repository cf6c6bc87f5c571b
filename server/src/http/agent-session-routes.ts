import { CloseCode, describeIssues, SignInRequest, type SignInResponse } from '@parley/shared';
import { verifyPassword } from '../config/password.js';
import type { ConnectionRegistry } from '../gateway/registry.js';
import type { Sessions } from '../gateway/sessions.js';
import type { Clock } from '../hub/clock.js';
import type { Hub } from '../hub/create-hub.js';
import type { HttpRequest } from '../transport/transport.js';
import { errorResponse, json } from './json-response.js';
import type { Router } from './router.js';
import { SignInThrottle } from './sign-in-throttle.js';

export type AgentSessionDeps = { hub: Hub; sessions: Sessions; registry: ConnectionRegistry; clock: Clock };

/** A hash of a password nobody has, checked for unknown ids so that they take as long as known ones. */
const DECOY_HASH = `scrypt$32768$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

function bearer(request: HttpRequest): string | null {
  const header = request.header('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

/**
 * `POST /api/agent/sessions` signs in (id and password, JSON); `DELETE /api/agent/sessions/current`
 * signs out and closes every socket opened with that session at once.
 */
export function addAgentSessionRoutes(router: Router, deps: AgentSessionDeps): void {
  const { hub, sessions, registry, clock } = deps;
  const throttle = new SignInThrottle();

  router.add('POST', '/api/agent/sessions', async (request) => {
    if (request.body.length > 16 * 1024) return errorResponse(413, 'TOO_LARGE', 'A sign-in request is a few hundred bytes.');
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      return errorResponse(400, 'BAD_JSON', 'Send {"id": "...", "password": "..."} as JSON.');
    }
    const parsed = SignInRequest.safeParse(body);
    if (!parsed.success) return errorResponse(400, 'BAD_REQUEST', describeIssues(parsed.error).join('; '));
    const id = parsed.data.id.trim().toLowerCase();
    const keys = [`ip:${request.remoteAddress}`, `id:${id}`];
    const wait = throttle.wait(keys, clock.now());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return errorResponse(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${seconds} seconds.`, { 'retry-after': String(seconds) });
    }
    const agent = hub.directory.agent(id);
    const valid = await verifyPassword(parsed.data.password, agent?.passwordHash ?? DECOY_HASH);
    if (!agent || !valid) {
      throttle.failed(keys, clock.now());
      return errorResponse(401, 'BAD_CREDENTIALS', 'Wrong email or password.');
    }
    throttle.succeeded(`id:${id}`);
    const { token, expiresAt } = await sessions.signInAgent(agent.id);
    const answer: SignInResponse = {
      token,
      expiresAt,
      agent: { id: agent.id, name: agent.name, rooms: agent.rooms, privateRoom: agent.privateRoom, capacity: agent.capacity ?? null },
    };
    return json(201, answer, { 'cache-control': 'no-store' });
  });

  router.add('DELETE', '/api/agent/sessions/current', async (request) => {
    const token = bearer(request);
    const found = token ? await sessions.agent(token) : null;
    if (!found) return errorResponse(401, 'NOT_SIGNED_IN', 'This session has already ended.');
    await sessions.signOutAgent(found.sessionHash);
    const connections = registry.agentSession(found.agentId, found.sessionHash);
    hub.presence.signOut(found.agentId, [...new Set(connections.map(([, client]) => client))]);
    for (const [connection] of connections) connection.close(CloseCode.SIGNED_OUT, 'signed out');
    return { status: 204 };
  });
}
