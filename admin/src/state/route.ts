/** Where the console is, from the address's hash: `#rooms`, `#rooms/GENERAL/theme`, `#agents/ann@example.com`. */
export type Route =
  | { page: 'rooms' }
  | { page: 'room'; name: string; tab: string }
  | { page: 'agents' }
  | { page: 'agent'; id: string }
  | { page: 'admins' }
  | { page: 'profile' };

export function parseRoute(hash: string): Route {
  const [page, id, tab] = hash.replace(/^#/, '').split('/').map(decodeURIComponent);
  if (page === 'rooms' && id) return { page: 'room', name: id, tab: tab || 'general' };
  if (page === 'agents' && id) return { page: 'agent', id };
  if (page === 'agents' || page === 'admins' || page === 'profile') return { page };
  return { page: 'rooms' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'room':
      return `#rooms/${encodeURIComponent(route.name)}/${route.tab}`;
    case 'agent':
      return `#agents/${encodeURIComponent(route.id)}`;
    default:
      return `#${route.page}`;
  }
}
