import { useEffect, useState } from 'preact/hooks';
import type { SavedSession } from '../session/saved-session.js';
import { type SignInResult, signIn as signInRequest } from '../session/sign-in-api.js';
import { useNow } from './hooks.js';

type Props = {
  onSignedIn: (session: SavedSession) => void;
  /** Why the agent is here again (signed out elsewhere, sign-in expired). */
  notice?: string | null;
  signIn?: (id: string, password: string) => Promise<SignInResult>;
};

/**
 * Email and password. A refusal says only that the pair is wrong (nothing about which part);
 * after repeated failures the server makes the next attempt wait, and the form counts down.
 */
export function SignInForm({ onSignedIn, notice = null, signIn = signInRequest }: Props) {
  const [id, setId] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const now = useNow(500);
  const waitSeconds = retryAt === null ? 0 : Math.ceil((retryAt - now) / 1000);

  useEffect(() => {
    if (retryAt !== null && waitSeconds <= 0) setRetryAt(null);
  }, [retryAt, waitSeconds]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    setBusy(true);
    setError(null);
    const result = await signIn(id.trim(), password);
    setBusy(false);
    if (result.kind === 'signed-in') return onSignedIn(result.session);
    setPassword('');
    if (result.kind === 'throttled') setRetryAt(result.retryAt);
    else setError(result.message);
  };

  return (
    <main class="sign-in">
      <form class="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Parley agent console</h1>
        {notice && <p class="notice info">{notice}</p>}
        <label for="sign-in-id">Email</label>
        <input id="sign-in-id" name="username" type="email" autoComplete="username" required value={id} onInput={(e) => setId(e.currentTarget.value)} />
        <label for="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <div role="alert" class="sign-in-error">
          {waitSeconds > 0 ? `Too many failed attempts. Try again in ${waitSeconds} s.` : error}
        </div>
        <button type="submit" class="primary" disabled={busy || waitSeconds > 0 || !id.trim() || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
