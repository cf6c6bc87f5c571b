import { randomBytes } from 'node:crypto';
import { AdminInvite, AgentSave, type InviteLink, ProfileSave, VersionOnly } from '@parley/shared';
import { defaultPrivateRoom } from '@parley/shared/settings';
import { PROFILE_ID } from '../../settings/settings.js';
import { errorResponse, json } from '../../transport/json-response.js';
import { readJson } from '../json-body.js';
import type { Router } from '../router.js';
import { type AdminDeps, addAdminRoute, INVITE_TTL_MS } from './admin-deps.js';
import { adminView, agentView, profileView } from './admin-views.js';
import { notFound, saveAnswer } from './save-answer.js';

/**
 * Agents (list with who is online, create with an invite link, save, reset the password, sign
 * out everywhere, delete, audit log), admins (list, invite another) and the global public profile.
 * Passwords never travel here: a person sets their own from a one-time link.
 */
export function addAdminAgentRoutes(router: Router, deps: AdminDeps): void {
  const { settings, sessions, figures, clock, publicUrl } = deps;
  const record = (id: string) => {
    const found = settings.get('agent', id.toLowerCase());
    return found?.kind === 'agent' ? found : undefined;
  };
  const inviteLink = async (role: 'agent' | 'admin', id: string): Promise<InviteLink> => {
    const { token, expiresAt } = await sessions.invite(role, id, INVITE_TTL_MS);
    return { url: `${publicUrl}/${role}/#invite=${token}`, expiresAt };
  };

  addAdminRoute(router, deps, 'GET', '/api/admin/agents', () => json(200, { agents: settings.list('agent').map((r) => agentView(r, figures)) }));

  addAdminRoute(router, deps, 'POST', '/api/admin/agents', async (request, _params, caller) => {
    const body = readJson(request, AgentSave);
    if (!body.ok) return body.response;
    const { passwordHash: _never, ...agent } = body.value.agent;
    if (typeof agent.id !== 'string') return errorResponse(400, 'BAD_REQUEST', 'agent.id: is required (their email address)');
    const id = agent.id.toLowerCase();
    if (record(id)) return errorResponse(409, 'AGENT_EXISTS', `There is already an agent ${agent.id}.`);
    // A private room named from the address alone would tell anyone who guesses it that the agent
    // exists and when they are free: a new agent's gets a random ending unless the admin chose one.
    const value = agent.privateRoom ? agent : { ...agent, privateRoom: unguessablePrivateRoom(id) };
    const outcome = await settings.save([{ kind: 'agent', id, value, expectedVersion: 0 }], caller.actor, 'created');
    if (!outcome.ok) return saveAnswer(outcome, () => null);
    return json(201, { ...agentView(record(id)!, figures), invite: await inviteLink('agent', agent.id) });
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/agents/:id', (_request, { id }) => {
    const found = record(id!);
    return found ? json(200, agentView(found, figures)) : notFound(`agent ${id}`);
  });

  addAdminRoute(router, deps, 'PUT', '/api/admin/agents/:id', async (request, { id }, caller) => {
    const body = readJson(request, AgentSave);
    if (!body.ok) return body.response;
    const found = record(id!);
    if (!found) return notFound(`agent ${id}`);
    if (typeof body.value.agent.id !== 'string' || body.value.agent.id.toLowerCase() !== found.id) {
      return errorResponse(400, 'BAD_REQUEST', `agent.id: an agent keeps their id (${found.value.id}); create a new agent for another address`);
    }
    // What the admin cannot set: the password (the agent's own) and when they were last signed out.
    const { passwordHash: _password, signedOutAt: _state, hasPassword: _view, online: _online, ...edited } = body.value.agent;
    const value = { ...edited, passwordHash: found.value.passwordHash, signedOutAt: found.value.signedOutAt };
    const outcome = await settings.save(
      [{ kind: 'agent', id: found.id, value: dropUndefined(value), expectedVersion: body.value.version }],
      caller.actor,
      'saved',
    );
    return saveAnswer(outcome, () => agentView(record(found.id)!, figures));
  });

  addAdminRoute(router, deps, 'POST', '/api/admin/agents/:id/reset-password', async (request, { id }, caller) => {
    const body = readJson(request, VersionOnly);
    if (!body.ok) return body.response;
    const found = record(id!);
    if (!found) return notFound(`agent ${id}`);
    // The old password stops working and every session ends; the agent sets a new one from the link.
    const { passwordHash: _old, ...rest } = found.value;
    const value = { ...rest, signedOutAt: clock.now() };
    const outcome = await settings.save([{ kind: 'agent', id: found.id, value, expectedVersion: body.value.version }], caller.actor, 'reset the password');
    if (!outcome.ok) return saveAnswer(outcome, () => null);
    return json(200, { ...agentView(record(found.id)!, figures), invite: await inviteLink('agent', found.value.id) });
  });

  addAdminRoute(router, deps, 'POST', '/api/admin/agents/:id/sign-out', async (request, { id }, caller) => {
    const body = readJson(request, VersionOnly);
    if (!body.ok) return body.response;
    const found = record(id!);
    if (!found) return notFound(`agent ${id}`);
    const value = { ...found.value, signedOutAt: clock.now() };
    const outcome = await settings.save([{ kind: 'agent', id: found.id, value, expectedVersion: body.value.version }], caller.actor, 'signed out everywhere');
    return saveAnswer(outcome, () => agentView(record(found.id)!, figures));
  });

  addAdminRoute(router, deps, 'DELETE', '/api/admin/agents/:id', async (request, { id }, caller) => {
    const version = Number(request.query.get('version'));
    if (!Number.isInteger(version) || version < 1) return errorResponse(400, 'BAD_REQUEST', 'version: add ?version= with the version you are deleting');
    const found = record(id!);
    if (!found) return notFound(`agent ${id}`);
    const outcome = await settings.save([{ kind: 'agent', id: found.id, value: null, expectedVersion: version }], caller.actor, 'deleted');
    return outcome.ok ? { status: 204 } : saveAnswer(outcome, () => null);
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/agents/:id/audit', async (_request, { id }) => {
    const found = record(id!);
    if (!found) return notFound(`agent ${id}`);
    const entries = await deps.store.audit.list(`agent:${found.id}`, 100);
    return json(200, { entries: entries.map(({ subject: _agent, ...entry }) => entry) });
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/admins', () => json(200, { admins: settings.list('admin').map(adminView) }));

  addAdminRoute(router, deps, 'POST', '/api/admin/admins', async (request, _params, caller) => {
    const body = readJson(request, AdminInvite);
    if (!body.ok) return body.response;
    const id = body.value.id.toLowerCase();
    if (settings.admin(id)) return errorResponse(409, 'ADMIN_EXISTS', `${body.value.id} is already an admin.`);
    const outcome = await settings.save([{ kind: 'admin', id, value: { id, name: body.value.name }, expectedVersion: 0 }], caller.actor, 'invited');
    if (!outcome.ok) return saveAnswer(outcome, () => null);
    return json(201, { admin: { id, name: body.value.name, hasPassword: false }, invite: await inviteLink('admin', id) });
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/profile', () => {
    const found = settings.get('profile', PROFILE_ID);
    return json(200, profileView(found?.kind === 'profile' ? found : undefined));
  });

  addAdminRoute(router, deps, 'PUT', '/api/admin/profile', async (request, _params, caller) => {
    const body = readJson(request, ProfileSave);
    if (!body.ok) return body.response;
    const outcome = await settings.save(
      [{ kind: 'profile', id: PROFILE_ID, value: body.value.profile, expectedVersion: body.value.version }],
      caller.actor,
      'saved',
    );
    const found = settings.get('profile', PROFILE_ID);
    return saveAnswer(outcome, () => profileView(found?.kind === 'profile' ? found : undefined));
  });
}

/** JSON has no undefined: a field left unset is left out. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const ROOM_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `AGENT-DORA-7KQ2M9XH`: the address's name, and eight random letters and digits (40 bits). */
function unguessablePrivateRoom(agentId: string): string {
  const ending = Array.from(randomBytes(8), (byte) => ROOM_LETTERS[byte % ROOM_LETTERS.length]).join('');
  return `${defaultPrivateRoom(agentId).slice(0, 31)}-${ending}`;
}
