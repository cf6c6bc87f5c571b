import { useEffect, useState } from 'preact/hooks';
import type { AdminApi } from '../api/admin-api.js';
import type { AdminSession } from '../api/session.js';
import { parseRoute, type Route, routeHash } from '../state/route.js';
import { AdminsPage } from './admins-page.js';
import { AgentPage } from './agent-page.js';
import { AgentsPage } from './agents-page.js';
import { ConsoleContext } from './console-context.js';
import { ProfilePage } from './profile-page.js';
import { RoomPage } from './room-page.js';
import { RoomsPage } from './rooms-page.js';

type Props = { api: AdminApi; session: AdminSession; onSignOut: () => void };

const SECTIONS: [Route['page'], string][] = [
  ['rooms', 'Rooms'],
  ['agents', 'Agents'],
  ['admins', 'Admins'],
  ['profile', 'Public profile'],
];

/** The console's frame: a skip link, the sections, who is signed in, and the page the address names. */
export function Shell({ api, session, onSignOut }: Props) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [publicUrl, setPublicUrl] = useState(location.origin);

  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    void api.get<{ publicUrl: string }>('/api/admin/me').then((result) => result.ok && setPublicUrl(result.body.publicUrl));
    return () => removeEventListener('hashchange', follow);
  }, [api]);

  const go = (next: Route) => {
    location.hash = routeHash(next);
    setRoute(next);
  };
  const section = route.page === 'room' ? 'rooms' : route.page === 'agent' ? 'agents' : route.page;

  return (
    <ConsoleContext.Provider value={{ api, publicUrl, go }}>
      <header class="top">
        <a class="skip" href="#main">
          Skip to the page
        </a>
        <span class="brand">Parley admin</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([page, label]) => (
              <li key={page}>
                <a href={routeHash({ page } as Route)} aria-current={section === page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">{session.name}</span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'rooms' && <RoomsPage />}
        {route.page === 'room' && <RoomPage key={route.name} name={route.name} tab={route.tab} />}
        {route.page === 'agents' && <AgentsPage />}
        {route.page === 'agent' && <AgentPage key={route.id} id={route.id} />}
        {route.page === 'admins' && <AdminsPage />}
        {route.page === 'profile' && <ProfilePage />}
      </main>
    </ConsoleContext.Provider>
  );
}
