import { createServer } from 'node:http';
import type { Metrics } from '../core/metrics.js';
import { errorResponse } from '../transport/json-response.js';
import type { HttpResponse } from '../transport/transport.js';
import { bearer, sameSecret } from './bearer.js';
import type { Router } from './router.js';

async function scrape(metrics: Metrics): Promise<HttpResponse> {
  return { status: 200, headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' }, body: await metrics.text() };
}

/**
 * `GET /metrics` on the public port, for a scraper that sends `Authorization: Bearer METRICS_TOKEN`.
 * Without a token it is off (404): the figures say who is online and how busy the site is.
 */
export function addMetricsRoute(router: Router, metrics: Metrics, token: string | undefined): void {
  router.add('GET', '/metrics', (request) => {
    if (!token) return errorResponse(404, 'METRICS_OFF', 'Metrics are off here: set METRICS_TOKEN, or METRICS_PORT to serve them on a private port.');
    const given = bearer(request);
    if (!given || !sameSecret(given, token)) {
      return errorResponse(401, 'UNAUTHORIZED', 'Send Authorization: Bearer with the METRICS_TOKEN.', { 'www-authenticate': 'Bearer' });
    }
    return scrape(metrics);
  });
}

/** `/metrics` alone, without a token, on a port of its own (METRICS_PORT), for a private network. */
export function serveMetrics(metrics: Metrics, host: string, port: number): Promise<{ port: number; close(): void }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const respond = ({ status, headers, body }: HttpResponse) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    if (req.method !== 'GET' || path !== '/metrics') return respond(errorResponse(404, 'NOT_FOUND', 'Only GET /metrics is served on this port.'));
    scrape(metrics).then(respond, (error: unknown) => respond(errorResponse(500, 'INTERNAL', `Metrics could not be gathered: ${(error as Error).message}`)));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : port, close: () => server.close() });
    });
  });
}
