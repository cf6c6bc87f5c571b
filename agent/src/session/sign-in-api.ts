import type { SignInResponse } from '@parley/shared';
import type { SavedSession } from './saved-session.js';

export type SignInResult =
  | { kind: 'signed-in'; session: SavedSession }
  /** Wrong id or password: the server says which of neither, and so do we. */
  | { kind: 'refused'; message: string }
  /** Too many failures: wait until `retryAt` (ms since the epoch). */
  | { kind: 'throttled'; retryAt: number }
  | { kind: 'failed'; message: string };

async function messageOf(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : fallback;
  } catch {
    return fallback;
  }
}

/** `POST /api/agent/sessions`. Never throws: every outcome is one of the results above. */
export async function signIn(id: string, password: string, now: () => number = Date.now): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/api/agent/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, password }),
    });
  } catch {
    return { kind: 'failed', message: 'Parley cannot be reached. Check your connection and try again.' };
  }
  if (response.status === 201) {
    const body = (await response.json()) as SignInResponse;
    return { kind: 'signed-in', session: { token: body.token, expiresAt: body.expiresAt, agentId: body.agent.id, agentName: body.agent.name } };
  }
  if (response.status === 401) return { kind: 'refused', message: 'Wrong email or password.' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'throttled', retryAt: now() + (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000 };
  }
  return { kind: 'failed', message: await messageOf(response, `Signing in failed (${response.status}). Try again.`) };
}

/** `DELETE /api/agent/sessions/current`: the server closes every socket of the session. */
export async function signOut(token: string): Promise<void> {
  try {
    await fetch('/api/agent/sessions/current', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  } catch {
    // Offline: the token is forgotten here anyway and expires on the server.
  }
}
