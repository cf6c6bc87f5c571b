/**
 * Seed 000's whitelisted domains: which sites may host a room's widget. Patterns are host names,
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
