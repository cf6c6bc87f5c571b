import { ATTACHMENT_MIME, AvailabilityPreviewRequest, describeIssues, formatBytes } from '@parley/shared';
import { AVAILABILITY_FIELDS } from '@parley/shared/settings';
import { z } from 'zod';
import { randomId } from '../../core/random-id.js';
import { detectKind } from '../../files/detect-kind.js';
import { errorResponse, json } from '../../transport/json-response.js';
import { readJson } from '../json-body.js';
import type { Router } from '../router.js';
import { type AdminDeps, addAdminRoute } from './admin-deps.js';
import { notFound } from './save-answer.js';

/** A logo is shown small in the chat's header: half a megabyte is plenty for any image format. */
export const MAX_LOGO_BYTES = 512 * 1024;
const LOGO_TOO_LARGE = errorResponse(413, 'LOGO_TOO_LARGE', `A logo may be at most ${formatBytes(MAX_LOGO_BYTES)}.`);
const LOGO_KINDS = new Set(['png', 'jpeg', 'gif', 'webp']);

/** The rules part of a room, checked as a room's own are. */
const AvailabilityDraft = z.object(AVAILABILITY_FIELDS);

/**
 * What the admin console asks the server while an admin edits a room: uploading a logo (an image,
 * checked by its bytes, served publicly at the URL answered, for the room's `logoUrl`), whether
 * availability rules being edited would show the launcher now and when that changes next, and the
 * supervisor's live view of the room.
 */
export function addAdminRoomTools(router: Router, deps: AdminDeps): void {
  const { settings, owner, store, clock, roomAvailability, publicUrl } = deps;

  addAdminRoute(
    router,
    deps,
    'POST',
    '/api/admin/rooms/:name/logo',
    async (request, { name }) => {
      if (!settings.directory.room(name!)) return notFound(`room named ${name}`);
      if (request.body.length === 0) return errorResponse(400, 'EMPTY_FILE', 'Send the image as the request body.');
      if (request.body.length > MAX_LOGO_BYTES) return LOGO_TOO_LARGE;
      const kind = detectKind(request.body);
      if (!kind || !LOGO_KINDS.has(kind)) return errorResponse(415, 'NOT_AN_IMAGE', 'A logo must be a PNG, JPEG, GIF or WebP image.');
      const id = randomId();
      await store.files.put(
        { id, name: `logo.${kind}`, size: request.body.length, kind, mime: ATTACHMENT_MIME[kind], conversationId: `logo:${name}`, uploadedAt: clock.now() },
        request.body,
      );
      return json(201, { logoUrl: `${publicUrl}/api/logos/${id}` });
    },
    { maxBytes: MAX_LOGO_BYTES, tooLarge: LOGO_TOO_LARGE },
  );

  addAdminRoute(router, deps, 'POST', '/api/admin/rooms/:name/availability', (request, { name }) => {
    const entry = settings.directory.entry(name!);
    if (!entry) return notFound(`room named ${name}`);
    const body = readJson(request, AvailabilityPreviewRequest);
    if (!body.ok) return body.response;
    const draft = AvailabilityDraft.safeParse({ availability: body.value.availability, timeZone: body.value.timeZone });
    if (!draft.success) return errorResponse(400, 'INVALID', describeIssues(draft.error).join('; '));
    return json(200, roomAvailability.preview({ ...entry, room: { ...entry.room, ...draft.data } }));
  });

  addAdminRoute(router, deps, 'GET', '/api/admin/rooms/:name/supervisor', async (_request, { name }) => {
    if (!settings.directory.room(name!)) return notFound(`room named ${name}`);
    return json(200, await owner.supervisor(name!));
  });
}
