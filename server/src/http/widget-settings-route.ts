import { createHash } from 'node:crypto';
import type { EmailFeatures } from '@parley/shared';
import type { RoomAvailability } from '../availability/room-availability.js';
import type { Directory, RoomEntry } from '../config/directory.js';
import { mayHostWidget } from '../config/origin-policy.js';
import { widgetSettings } from '../config/widget-settings.js';
import { errorResponse } from '../transport/json-response.js';
import type { Router } from './router.js';

export type WidgetSettingsDeps = {
  directory: Directory;
  availability: RoomAvailability;
  publicOrigin: string;
  emailFeatures: (entry: RoomEntry) => EmailFeatures;
};

/**
 * `GET /api/rooms/{room}/widget`: the one request the loader makes on every page. The page's
 * origin is checked against the room's whitelisted domains before anything else is looked at;
 * a refused page gets no CORS header, so its scripts cannot even read the refusal. Allowed pages
 * get CORS for their own origin only. Availability changes by the second, so the answer is
 * revalidated every time (ETag: usually a 304 of a few bytes).
 */
export function addWidgetSettingsRoute(router: Router, { directory, availability, publicOrigin, emailFeatures }: WidgetSettingsDeps): void {
  router.add('GET', '/api/rooms/:room/widget', (request, { room }) => {
    const name = room!;
    const entry = directory.entry(name);
    if (!entry) return errorResponse(404, 'UNKNOWN_ROOM', `There is no room named "${name.slice(0, 40)}".`, { vary: 'origin' });
    if (!mayHostWidget(request, entry.room.whitelistedDomains, publicOrigin)) {
      return errorResponse(403, 'ORIGIN_NOT_ALLOWED', 'This site may not host this chat.', { vary: 'origin' });
    }
    const body = JSON.stringify(widgetSettings(name, entry, availability.isAvailable(entry), directory, emailFeatures(entry)));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const origin = request.header('origin');
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-cache',
      etag,
      vary: 'origin',
      ...(origin ? { 'access-control-allow-origin': origin } : {}),
    };
    if (request.header('if-none-match') === etag) return { status: 304, headers };
    return { status: 200, headers, body };
  });
}
