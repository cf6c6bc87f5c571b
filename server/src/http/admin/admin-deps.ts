import type { RoomAvailability } from '../../availability/room-availability.js';
import type { Clock } from '../../core/clock.js';
import type { LiveFigures } from '../../owner/live-figures.js';
import type { OwnerApi } from '../../owner/owner-api.js';
import type { Sessions } from '../../sessions/sessions.js';
import type { Settings } from '../../settings/settings.js';
import type { Store } from '../../store/store.js';
import type { HttpRequest, HttpResponse } from '../../transport/transport.js';
import { DEFAULT_BODY_BYTES, type Router } from '../router.js';
import { type AdminCaller, adminOf, isResponse, noStore } from './admin-auth.js';

/** What the admin API is built from. */
export type AdminDeps = {
  settings: Settings;
  sessions: Sessions;
  /** The routing owner (supervisor view, whether a room can be deleted). */
  owner: OwnerApi;
  /** Who is signed in where, from this process's memory. */
  figures: LiveFigures;
  store: Store;
  clock: Clock;
  roomAvailability: RoomAvailability;
  /** Where browsers reach Parley (PUBLIC_URL), without a trailing slash: links in answers start with it. */
  publicUrl: string;
};

type AdminHandler = (request: HttpRequest, params: Record<string, string>, caller: AdminCaller) => HttpResponse | Promise<HttpResponse>;

/**
 * Adds a route only a signed-in admin reaches; every answer says no-store. A body (up to
 * `body.maxBytes`, JSON's by default) is read only once the admin's token has been checked.
 */
export function addAdminRoute(
  router: Router,
  deps: AdminDeps,
  method: string,
  path: string,
  handler: AdminHandler,
  body: { maxBytes: number; tooLarge?: HttpResponse } = { maxBytes: DEFAULT_BODY_BYTES },
): void {
  router.add(
    method,
    path,
    async (request, params) => {
      const caller = await adminOf(request, deps.sessions);
      if (isResponse(caller)) return caller;
      return noStore(await handler(request, params, caller));
    },
    async (request) => {
      const caller = await adminOf(request, deps.sessions);
      return isResponse(caller) ? { refuse: caller } : body;
    },
  );
}

/** Invite links last a week; the first admin's setup link a day. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
export const SETUP_TTL_MS = 24 * 3600 * 1000;
