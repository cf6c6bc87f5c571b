import { RoomSave, VersionOnly } from '@parley/shared';
import { randomId } from '../../core/random-id.js';
import type { VersionedEdit } from '../../settings/settings.js';
import { errorResponse, json } from '../../transport/json-response.js';
import { readJson } from '../json-body.js';
import type { Router } from '../router.js';
import { type AdminDeps, addAdminRoute } from './admin-deps.js';
import { roomView } from './admin-views.js';
import { notFound, saveAnswer } from './save-answer.js';

/** How many audit entries a page of the log shows by default, and at most. */
const AUDIT_PAGE = 100;

/**
 * Rooms: list, create, read, save (from the version edited: 409 when someone saved first), delete
 * (refused while conversations are open), a new statistics key, and the room's audit log.
 */
export function addAdminRoomRoutes(router: Router, deps: AdminDeps): void {
  const { settings, owner } = deps;
  const record = (name: string) => {
    const found = settings.get('room', name);
    return found?.kind === 'room' ? found : undefined;
  };

  addAdminRoute(router, deps, 'GET', '/api/admin/rooms', () => json(200, { rooms: settings.list('room').map(roomView) }));

  addAdminRoute(router, deps, 'POST', '/api/admin/rooms', async (request, _params, caller) => {
    const body = readJson(request, RoomSave);
    if (!body.ok) return body.response;
    const name = body.value.room.name;
    if (typeof name !== 'string') return errorResponse(400, 'BAD_REQUEST', 'room.name: is required, e.g. "SUPPORT"');
    if (record(name)) return errorResponse(409, 'ROOM_EXISTS', `There is already a room named ${name}.`);
    // A new room gets its statistics key from here: a secret nobody has to make up.
    const room = { statsKey: randomId(24), ...body.value.room };
    const outcome = await settings.save([{ kind: 'room', id: name, value: room, expectedVersion: 0 }], caller.actor, 'created');
    return saveAnswer(outcome, () => roomView(record(name)!), 201);
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/rooms/:name', (_request, { name }) => {
    const found = record(name!);
    return found ? json(200, roomView(found)) : notFound(`room named ${name}`);
  });

  addAdminRoute(router, deps, 'PUT', '/api/admin/rooms/:name', async (request, { name }, caller) => {
    const body = readJson(request, RoomSave);
    if (!body.ok) return body.response;
    if (!record(name!)) return notFound(`room named ${name}`);
    if (body.value.room.name !== name)
      return errorResponse(400, 'BAD_REQUEST', `room.name: a room keeps its name (${name}); create a new room for another name`);
    const outcome = await settings.save([{ kind: 'room', id: name!, value: body.value.room, expectedVersion: body.value.version }], caller.actor, 'saved');
    return saveAnswer(outcome, () => roomView(record(name!)!));
  });

  addAdminRoute(router, deps, 'DELETE', '/api/admin/rooms/:name', async (request, { name }, caller) => {
    const version = Number(request.query.get('version'));
    if (!Number.isInteger(version) || version < 1) return errorResponse(400, 'BAD_REQUEST', 'version: add ?version= with the version you are deleting');
    const room = record(name!);
    if (!room) return notFound(`room named ${name}`);
    const busy = await owner.whyRoomIsBusy(name!);
    if (busy) return errorResponse(409, 'ROOM_BUSY', busy);
    // Its agents answer it no more: they leave it in the same save (an agent whose only room it is must get another first).
    const edits: VersionedEdit[] = [{ kind: 'room', id: name!, value: null, expectedVersion: version }];
    for (const agent of settings.list('agent')) {
      if (agent.value.rooms.includes(name!)) {
        edits.push({
          kind: 'agent',
          id: agent.id,
          value: { ...agent.value, rooms: agent.value.rooms.filter((r) => r !== name) },
          expectedVersion: agent.version,
        });
      }
    }
    const outcome = await settings.save(edits, caller.actor, 'deleted');
    if (outcome.ok) return { status: 204 };
    return saveAnswer(outcome, () => null);
  });

  addAdminRoute(router, deps, 'POST', '/api/admin/rooms/:name/stats-key', async (request, { name }, caller) => {
    const body = readJson(request, VersionOnly);
    if (!body.ok) return body.response;
    const room = record(name!);
    if (!room) return notFound(`room named ${name}`);
    const value = { ...room.value, statsKey: randomId(24) };
    const outcome = await settings.save([{ kind: 'room', id: name!, value, expectedVersion: body.value.version }], caller.actor, 'new statistics key');
    return saveAnswer(outcome, () => roomView(record(name!)!));
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/rooms/:name/audit', async (request, { name }) => {
    if (!record(name!)) return notFound(`room named ${name}`);
    const limit = Math.min(AUDIT_PAGE * 5, Math.max(1, Number(request.query.get('limit')) || AUDIT_PAGE));
    const entries = await deps.store.audit.list(`room:${name}`, limit);
    return json(200, { entries: entries.map(({ subject: _room, ...entry }) => entry) });
  });
}
