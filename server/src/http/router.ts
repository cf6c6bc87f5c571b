import { errorResponse } from '../transport/json-response.js';
import type { HttpHandler, HttpRequest, HttpResponse } from '../transport/transport.js';

export type RouteHandler = (request: HttpRequest, params: Record<string, string>) => HttpResponse | Promise<HttpResponse>;

type Route = { method: string; segments: string[]; handler: RouteHandler };

/**
 * A small router: `add(method, '/api/rooms/:room/stats', handler)`, then `handle` as the
 * transports' HTTP handler. Paths are matched segment by segment; `:name` captures one segment.
 */
export class Router {
  private readonly routes: Route[] = [];
  private fallback: HttpHandler | null = null;

  add(method: string, path: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: path.split('/').filter(Boolean), handler });
    return this;
  }

  /** Answers requests no route matched (static files, later), instead of 404. */
  otherwise(handler: HttpHandler): this {
    this.fallback = handler;
    return this;
  }

  readonly handle: HttpHandler = (request) => {
    const segments = request.path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = match(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === request.method || (route.method === 'GET' && request.method === 'HEAD')) return route.handler(request, params);
    }
    if (pathMatched) return errorResponse(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here.`);
    return this.fallback ? this.fallback(request) : errorResponse(404, 'NOT_FOUND', 'Nothing here.');
  };
}

function match(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    let got: string;
    try {
      got = decodeURIComponent(segments[i]!);
    } catch {
      return null;
    }
    if (want.startsWith(':')) params[want.slice(1)] = got;
    else if (want !== got) return null;
  }
  return params;
}
