import { type InviteInfo, MIN_PASSWORD_LENGTH } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import type { SavedSession } from '../session/saved-session.js';

type Props = { token: string; onDone: (session: SavedSession | null) => void };

/** An agent's one-time link from an admin (a new account, a reset): choose a password, and start working. */
export function InviteForm({ token, onDone }: Props) {
  const [info, setInfo] = useState<InviteInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void fetch(`/api/invites/${token}`)
      .then(async (response) => {
        const body = await response.json();
        if (response.ok && body.role === 'agent') setInfo(body as InviteInfo);
        else setProblem(typeof body.message === 'string' ? body.message : 'This link is not for the agent console.');
      })
      .catch(() => setProblem('Parley cannot be reached. Check your connection and try again.'));
  }, [token]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!info) return;
    setBusy(true);
    try {
      const response = await fetch(`/api/invites/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password }),
      });
      const body = await response.json();
      if (!response.ok) return setProblem(body.message ?? 'The password could not be set.');
      onDone({ token: body.token, expiresAt: body.expiresAt, agentId: info.id ?? '', agentName: info.name ?? '' });
    } catch {
      setProblem('Parley cannot be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <form class="sign-in-card" onSubmit={submit} aria-labelledby="invite-title">
        <h1 id="invite-title">Choose your password</h1>
        {!info && !problem && <p role="status">Checking your link…</p>}
        {problem && <p role="alert">{problem}</p>}
        {info && (
          <>
            <p>
              {info.name} ({info.id})
            </p>
            <label for="new-password">New password</label>
            <input
              id="new-password"
              type="password"
              autocomplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              aria-describedby="password-hint"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <p id="password-hint">At least {MIN_PASSWORD_LENGTH} characters.</p>
            <button type="submit" class="primary" disabled={busy}>
              Set password and sign in
            </button>
          </>
        )}
        <button type="button" onClick={() => onDone(null)}>
          I already have a password: sign in
        </button>
      </form>
    </main>
  );
}
