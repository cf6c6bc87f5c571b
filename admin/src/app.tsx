import { useEffect, useMemo, useState } from 'preact/hooks';
import { AdminApi } from './api/admin-api.js';
import { type AdminSession, loadSession, saveSession } from './api/session.js';
import { InvitePage } from './ui/invite-page.js';
import { Shell } from './ui/shell.js';
import { SignIn } from './ui/sign-in.js';

/** The invite token in the address (`#invite=…`), from a one-time link. */
function inviteToken(): string | null {
  const match = /^#invite=([A-Za-z0-9_-]+)$/.exec(location.hash);
  return match ? match[1]! : null;
}

/** A one-time link: set a password. Signed out: the sign-in form. Signed in: the console. */
export function App() {
  const [session, setSession] = useState<AdminSession | null>(() => loadSession(Date.now()));
  const [invite, setInvite] = useState<string | null>(inviteToken);
  const [notice, setNotice] = useState<string | null>(null);

  const signedOut = (reason: string | null) => {
    saveSession(null);
    setSession(null);
    setNotice(reason);
  };
  const api = useMemo(() => (session ? new AdminApi(session.token, () => signedOut('Your sign-in has ended. Sign in again.')) : null), [session?.token]);

  // Signing out in another tab ends this one too.
  useEffect(() => {
    const onStorage = () => {
      if (session && !loadSession(Date.now())) signedOut(null);
    };
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }, [session]);

  const signedIn = (fresh: AdminSession) => {
    saveSession(fresh);
    setNotice(null);
    setSession(fresh);
  };

  if (invite) {
    return (
      <InvitePage
        token={invite}
        onDone={(fresh) => {
          history.replaceState(null, '', `${location.pathname}#rooms`);
          setInvite(null);
          if (fresh) signedIn(fresh);
        }}
      />
    );
  }
  if (!session || !api) return <SignIn notice={notice} onSignedIn={signedIn} />;
  return (
    <Shell
      api={api}
      session={session}
      onSignOut={async () => {
        await api.delete('/api/admin/sessions/current');
        signedOut(null);
      }}
    />
  );
}
