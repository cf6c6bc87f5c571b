import type { ClientKind } from '@parley/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConsoleController } from './console/console-controller.js';
import { loadSession, type SavedSession, saveSession } from './session/saved-session.js';
import { signOut } from './session/sign-in-api.js';
import { InviteForm } from './ui/invite-form.js';
import { SignInForm } from './ui/sign-in-form.js';
import { Workspace } from './ui/workspace.js';

/** A phone-sized screen is the mobile client (its status is kept apart from the browser's). */
const PHONE_QUERY = '(max-width: 640px)';

function clientKind(): ClientKind {
  return typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches ? 'mobile' : 'browser';
}

function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/agent`;
}

/** Signed out: the sign-in form. Signed in: the workspace over one controller for the session. */
export function App() {
  const [session, setSession] = useState<SavedSession | null>(() => loadSession(Date.now()));
  const [notice, setNotice] = useState<string | null>(null);
  const [invite, setInvite] = useState<string | null>(() => /^#invite=([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1] ?? null);

  const end = (reason: string | null) => {
    saveSession(null);
    setSession(null);
    setNotice(reason);
  };

  const controller = useMemo(
    () => (session ? new ConsoleController({ token: session.token, client: clientKind(), url: socketUrl(), onSignedOut: (reason) => end(reason) }) : null),
    [session?.token],
  );

  useEffect(() => {
    if (!controller) return;
    controller.start();
    return () => controller.stop();
  }, [controller]);

  // Signing out in another tab of this browser removes the saved session: follow it here too.
  useEffect(() => {
    const onStorage = () => {
      if (session && !loadSession(Date.now())) end('You have been signed out.');
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [session]);

  if (invite) {
    return (
      <InviteForm
        token={invite}
        onDone={(fresh) => {
          history.replaceState(null, '', location.pathname);
          setInvite(null);
          if (fresh) {
            saveSession(fresh);
            setSession(fresh);
          }
        }}
      />
    );
  }
  if (!session || !controller) {
    return (
      <SignInForm
        notice={notice}
        onSignedIn={(fresh) => {
          saveSession(fresh);
          setNotice(null);
          setSession(fresh);
        }}
      />
    );
  }
  return (
    <Workspace
      controller={controller}
      onSignOut={async () => {
        // The server closes this session's sockets (4002) and signs its clients off at once;
        // closing ours first would leave the agent counted as present for the grace period.
        await signOut(session.token);
        controller.stop();
        end(null);
      }}
    />
  );
}
