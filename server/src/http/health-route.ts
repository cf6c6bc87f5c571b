import type { RoutingHealth } from '../owner/routing-health.js';
import type { Router } from './router.js';

type Status = { draining: boolean; routing: RoutingHealth; transport: string; store: string; startedAt: number };

/**
 * `GET /healthz`: 200 while this node serves; 503 once it is draining (its store is being written
 * out and closed), or (in a cluster) while it cannot reach Redis or no node routes, so that a load
 * balancer sends traffic elsewhere; the body says which transport, store and role. `GET /readyz`:
 * the same decision alone, for a readiness probe. The process answering at all is its liveness.
 */
export function addHealthRoute(router: Router, status: () => Status): void {
  router.add('GET', '/healthz', () => {
    const { draining, routing, transport, store, startedAt } = status();
    const ok = !draining && routing.ok;
    return {
      status: ok ? 200 : 503,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify({
        status: draining ? 'draining' : ok ? 'ok' : 'unavailable',
        ...(routing.problem ? { problem: routing.problem } : {}),
        role: routing.role,
        transport,
        store,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      }),
    };
  });
  // For an orchestrator's readiness probe: just whether to send traffic here, and why not.
  router.add('GET', '/readyz', () => {
    const { draining, routing } = status();
    const why = draining ? 'draining' : routing.ok ? null : (routing.problem ?? 'routing unavailable');
    return {
      status: why ? 503 : 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify(why ? { ready: false, reason: why } : { ready: true }),
    };
  });
}
