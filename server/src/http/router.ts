import { errorResponse } from '../transport/json-response.js';
import type { BodyAdmission, HttpHandler, HttpRequest, HttpResponse } from '../transport/transport.js';

export type RouteHandler = (request: HttpRequest, params: Record<string, string>) => HttpResponse | Promise<HttpResponse>;

/**
 * What a route takes as a body, decided from the headers before it is read: who may send one
 * (a token checked first) and how large. Without it, a route takes JSON up to DEFAULT_BODY_BYTES.
 */
export type RouteAdmission = (request: HttpRequest, params: Record<string, string>) => BodyAdmission | Promise<BodyAdmission>;

/** JSON bodies the API takes are settings and small commands: 256 KiB is far more than any. */
export const DEFAULT_BODY_BYTES = 256 * 1024;

/** Signing in and accepting an invite: an id, a password and a name fit in far less. */
export const SIGN_IN_BODY_BYTES = 16 * 1024;

/** A route open to anyone (signing in, accepting an invite) takes only a small body. */
export const bodyUpTo =
  (maxBytes: number): RouteAdmission =>
  () => ({ maxBytes });

type Route = { method: string; segments: string[]; handler: RouteHandler; admit: RouteAdmission | null };

/**
 * A small router: `add(method, '/api/rooms/:room/stats', handler)`, then `handle` as the
 * transports' HTTP handler. Paths are matched segment by segment; `:name` captures one segment.
 */
export class Router {
  private readonly routes: Route[] = [];
  private fallback: HttpHandler | null = null;

  add(method: string, path: string, handler: RouteHandler, admit: RouteAdmission | null = null): this {
    this.routes.push({ method, segments: path.split('/').filter(Boolean), handler, admit });
    return this;
  }

  /** Answers requests no route matched (static files, later), instead of 404. */
  otherwise(handler: HttpHandler): this {
    this.fallback = handler;
    return this;
  }

  readonly handle: HttpHandler = (request) => {
    const found = this.find(request);
    if ('refuse' in found) return found.refuse;
    if (found.route) return found.route.handler(request, found.params);
    return this.fallback ? this.fallback(request) : errorResponse(404, 'NOT_FOUND', 'Nothing here.');
  };

  /**
   * The transports' body gate: a request's body is read only for a route that takes one, within
   * its size, and after its own check (a token) has passed. Everything else is answered unread.
   */
  readonly admitBody = (request: HttpRequest): BodyAdmission | Promise<BodyAdmission> => {
    const found = this.find(request);
    if ('refuse' in found) return found;
    if (!found.route) return { refuse: errorResponse(404, 'NOT_FOUND', 'Nothing here.') };
    return found.route.admit ? found.route.admit(request, found.params) : { maxBytes: DEFAULT_BODY_BYTES };
  };

  private find(request: HttpRequest): { route: Route | null; params: Record<string, string> } | { refuse: HttpResponse } {
    const segments = request.path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = match(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === request.method || (route.method === 'GET' && request.method === 'HEAD')) return { route, params };
    }
    if (pathMatched) return { refuse: errorResponse(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here.`) };
    return { route: null, params: {} };
  }
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
