import type { FileStore } from '../store/store.js';
import { errorResponse } from '../transport/json-response.js';
import type { Router } from './router.js';

/**
 * `GET /api/logos/{id}`: the logos admins upload for rooms, public (every page with the widget
 * shows them, on any site) and never changing under an id, so cached for a year. Only logos: a
 * conversation's files are not reachable here.
 */
export function addLogoRoute(router: Router, files: FileStore): void {
  router.add('GET', '/api/logos/:id', async (_request, { id }) => {
    const found = await files.get(id!);
    if (!found?.file.conversationId.startsWith('logo:')) return errorResponse(404, 'NOT_FOUND', 'No such logo.');
    return {
      status: 200,
      headers: {
        'content-type': found.file.mime,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cross-origin-resource-policy': 'cross-origin',
        'cache-control': 'public, max-age=31536000, immutable',
      },
      body: found.bytes,
    };
  });
}
