import { useState } from 'preact/hooks';
import { AdminApi } from '../api/admin-api.js';
import type { AdminSession } from '../api/session.js';

type Props = { notice: string | null; onSignedIn: (session: AdminSession) => void };

/** Email and password; one plain message whatever was wrong; the server's wait after repeated failures. */
export function SignIn({ notice, onSignedIn }: Props) {
  const [id, setId] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await new AdminApi(null).post<{ token: string; expiresAt: number; admin: { id: string; name: string } }>('/api/admin/sessions', {
      id,
      password,
    });
    setBusy(false);
    if (result.ok) return onSignedIn({ token: result.body.token, expiresAt: result.body.expiresAt, id: result.body.admin.id, name: result.body.admin.name });
    setPassword('');
    setProblem(result.status === 401 ? 'Wrong email or password.' : result.message);
  };

  return (
    <main class="sign-in">
      <h1>Parley admin</h1>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={submit}>
        <label for="admin-id">Email</label>
        <input id="admin-id" type="email" autocomplete="username" required value={id} onInput={(e) => setId(e.currentTarget.value)} />
        <label for="admin-password">Password</label>
        <input
          id="admin-password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" class="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
