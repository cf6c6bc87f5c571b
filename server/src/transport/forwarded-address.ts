import type { HttpRequest, SocketEndpoint, TransportOptions, UpgradeRequest } from './transport.js';

/**
 * The client's address when Parley runs behind a proxy it trusts (TRUST_PROXY): the last address
 * in X-Forwarded-For, the one that proxy added (earlier ones are whatever the client claimed).
 * Without the header, the peer's.
 */
export function forwardedAddress(request: Pick<UpgradeRequest, 'header' | 'remoteAddress'>): string {
  const forwarded = request.header('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last && last.length <= 64 ? last : request.remoteAddress;
}

/**
 * The transport's handlers, seeing the client's address instead of the proxy's: what the rate
 * limits on connections and sign-ins count by. Behind HAProxy without this, every client would
 * share the proxy's address and its limits.
 */
export function trustingProxy(options: TransportOptions): TransportOptions {
  const sockets: Record<string, SocketEndpoint<unknown>> = {};
  for (const [path, endpoint] of Object.entries(options.sockets)) {
    sockets[path] = { ...endpoint, upgrade: (request) => endpoint.upgrade({ ...request, remoteAddress: forwardedAddress(request) }) };
  }
  return {
    ...options,
    http: (request: HttpRequest) => options.http({ ...request, remoteAddress: forwardedAddress(request) }),
    sockets,
  };
}
