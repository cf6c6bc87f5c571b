/**
 * The whitelisted domains: which sites may host a room's widget. Patterns are host names,
 * `*.example.com` for any subdomain (not example.com itself), optionally with `:port`; an empty
 * list allows every site. Matched against the Origin header browsers send with the settings
 * request and the WebSocket upgrade, which page scripts cannot forge.
 */
export function isOriginAllowed(origin: string | undefined, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const hostname = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
  return patterns.some((pattern) => {
    const [host = '', wantedPort] = pattern.split(':');
    if (wantedPort !== undefined && wantedPort !== port) return false;
    if (host.startsWith('*.')) return hostname.endsWith(host.slice(1)) && hostname.length > host.length - 1;
    return hostname === host;
  });
}

/** Request headers the page check reads (both HTTP requests and WebSocket upgrades have them). */
type Headers = { header(name: string): string | undefined };

/** Host names that are this machine: a page on one of them, as the browser addressed Parley, is Parley's own. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Whether the Host the browser used names this server: PUBLIC_URL's host, or this machine (a
 * developer's `npm start` reached as localhost or 127.0.0.1). Any other name, even one that leads
 * here, is not trusted: a site whose name an attacker points at this server's address (DNS
 * rebinding) would otherwise pass for Parley's own pages.
 */
function namesThisServer(host: string | undefined, publicOrigin: string): boolean {
  if (!host) return false;
  try {
    const { hostname } = new URL(`http://${host}`);
    return host === new URL(publicOrigin).host || LOOPBACK.test(hostname);
  } catch {
    return false;
  }
}

/**
 * Whether the request comes from one of Parley's own pages (the hosted chat page `/chat/{room}`):
 * its Origin is this server as configured (PUBLIC_URL), or as the browser addressed it (Host)
 * when that names this server. Browsers leave Origin out of same-origin GETs but then say
 * `Sec-Fetch-Site: same-origin`; neither header can be set by a page's scripts.
 */
export function isOwnPage(request: Headers, publicOrigin: string): boolean {
  const origin = request.header('origin');
  const host = request.header('host');
  if (origin === undefined) return request.header('sec-fetch-site') === 'same-origin' && namesThisServer(host, publicOrigin);
  if (origin === publicOrigin) return true;
  try {
    return new URL(origin).host === host && namesThisServer(host, publicOrigin);
  } catch {
    return false;
  }
}

/** A page may host a room's widget if it is one of Parley's own, or its site is whitelisted for the room. */
export function mayHostWidget(request: Headers, patterns: readonly string[], publicOrigin: string): boolean {
  return isOwnPage(request, publicOrigin) || isOriginAllowed(request.header('origin'), patterns);
}
