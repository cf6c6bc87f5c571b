import type { Directory } from '../config/directory.js';
import type { LiveFigures } from '../owner/live-figures.js';
import type { HttpResponse } from '../transport/transport.js';
import { sameSecret } from './bearer.js';
import type { Router } from './router.js';

/** Sites poll these from any origin, without credentials (the statistics URLs). */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-max-age': '86400',
} as const;

function answer(status: number, body: string): HttpResponse {
  // Statuses change by the second: caches must ask again every time rather than serve old counts.
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', ...CORS }, body };
}

function refusal(status: number, room: string, message: string): HttpResponse {
  return answer(status, JSON.stringify({ result: 'ERROR', chatRoom: room, message }));
}

/**
 * `GET /api/rooms/{room}/stats` and `/stats/details?key=…`. The JSON is precomputed in this
 * process's memory (the hub's, or a node's copy of the owner's figures), rebuilt only when a status
 * changes; a request only looks it up.
 */
export function addStatsRoutes(router: Router, { figures, directory }: { figures: LiveFigures; directory: Directory }): void {
  router.add('GET', '/api/rooms/:room/stats', (_request, { room }) => {
    const body = figures.statsSummary(room!);
    return body ? answer(200, body) : refusal(404, room!, 'There is no room with this name.');
  });
  router.add('GET', '/api/rooms/:room/stats/details', (request, { room }) => {
    const config = directory.room(room!);
    if (!config) return refusal(404, room!, 'There is no room with this name.');
    const key = request.query.get('key') ?? '';
    if (!sameSecret(key, config.statsKey)) return refusal(401, room!, "The details name agents: add ?key= with the room's stats key.");
    const body = figures.statsDetails(room!);
    return body ? answer(200, body) : refusal(404, room!, 'There is no room with this name.');
  });
  for (const path of ['/api/rooms/:room/stats', '/api/rooms/:room/stats/details']) {
    router.add('OPTIONS', path, () => ({ status: 204, headers: { ...CORS, 'access-control-allow-headers': 'content-type' } }));
  }
}
