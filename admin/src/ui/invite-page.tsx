import { type InviteInfo, MIN_PASSWORD_LENGTH } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { AdminApi } from '../api/admin-api.js';
import type { AdminSession } from '../api/session.js';

type Props = { token: string; onDone: (session: AdminSession | null) => void };

/**
 * A one-time link: an admin invited by another, or the first admin of a new Parley (who also
 * says who they are). The person chooses a password and is signed in.
 */
export function InvitePage({ token, onDone }: Props) {
  const api = new AdminApi(null);
  const [info, setInfo] = useState<InviteInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.get<InviteInfo>(`/api/invites/${token}`).then((result) => (result.ok ? setInfo(result.body) : setProblem(result.message)));
  }, [token]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const body = info?.setup ? { id, name, password } : { password };
    const result = await api.post<{ token: string; expiresAt: number }>(`/api/invites/${token}`, body);
    setBusy(false);
    if (!result.ok) return setProblem(result.message);
    onDone({ token: result.body.token, expiresAt: result.body.expiresAt, id: info?.id ?? id.toLowerCase(), name: info?.name ?? name });
  };

  return (
    <main class="sign-in">
      <h1>{info?.setup ? 'Set up Parley' : 'Choose your password'}</h1>
      {!info && !problem && <p role="status">Checking your link…</p>}
      {problem && <p role="alert">{problem}</p>}
      {info && (
        <form onSubmit={submit}>
          {info.setup ? (
            <>
              <p>You are the first admin. Who are you?</p>
              <label for="setup-id">Email</label>
              <input id="setup-id" type="email" autocomplete="username" required value={id} onInput={(e) => setId(e.currentTarget.value)} />
              <label for="setup-name">Name</label>
              <input id="setup-name" autocomplete="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </>
          ) : (
            <p>
              {info.name} ({info.id})
            </p>
          )}
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
          <p class="hint" id="password-hint">
            At least {MIN_PASSWORD_LENGTH} characters.
          </p>
          <button type="submit" class="primary" disabled={busy}>
            {info.setup ? 'Create my admin account' : 'Set password and sign in'}
          </button>
        </form>
      )}
      <p>
        <button type="button" class="link" onClick={() => onDone(null)}>
          I already have a password: sign in
        </button>
      </p>
    </main>
  );
}
