import type { HttpHandler, HttpResponse } from '../transport/transport.js';

/**
 * For a Parley whose users reach it over HTTPS (HSTS_MAX_AGE_SECONDS set): every answer tells the
 * browser to use nothing but HTTPS for this host (and its subdomains) for that long, so that a
 * network in the middle cannot downgrade a later visit. Browsers ignore it over plain HTTP.
 */
export function withHsts(handler: HttpHandler, maxAgeSeconds: number): HttpHandler {
  const header = { 'strict-transport-security': `max-age=${maxAgeSeconds}; includeSubDomains` };
  const add = (response: HttpResponse): HttpResponse => ({ ...response, headers: { ...response.headers, ...header } });
  return (request) => {
    const response = handler(request);
    return response instanceof Promise ? response.then(add) : add(response);
  };
}
