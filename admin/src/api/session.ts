import { readStored, writeStored } from '@parley/shared/client';

/** An admin's sign-in as this browser keeps it. */
export type AdminSession = { token: string; expiresAt: number; id: string; name: string };

const KEY = 'parley.admin.session';

/** The saved session, unless it has expired or is damaged. */
export function loadSession(now: number): AdminSession | null {
  try {
    const saved = JSON.parse(readStored(KEY) ?? 'null') as AdminSession | null;
    if (!saved || typeof saved.token !== 'string' || typeof saved.expiresAt !== 'number' || saved.expiresAt <= now) return null;
    return saved;
  } catch {
    return null;
  }
}

export function saveSession(session: AdminSession | null): void {
  writeStored(KEY, session ? JSON.stringify(session) : null);
}
