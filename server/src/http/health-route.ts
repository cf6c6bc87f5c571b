import type { Router } from './router.js';

/** `GET /healthz`: 200 while serving, 503 once draining so a load balancer stops sending traffic. */
export function addHealthRoute(router: Router, status: () => { draining: boolean; transport: string; store: string; startedAt: number }): void {
  router.add('GET', '/healthz', () => {
    const { draining, transport, store, startedAt } = status();
    return {
      status: draining ? 503 : 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify({ status: draining ? 'draining' : 'ok', transport, store, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
    };
  });
}
