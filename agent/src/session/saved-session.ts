import { readStored, writeStored } from '@parley/shared/client';

/** What the console keeps of a sign-in, so a reload does not sign the agent out. */
export type SavedSession = { token: string; expiresAt: number; agentId: string; agentName: string };

const KEY = 'parley.agent.session';

export function loadSession(now: number): SavedSession | null {
  const raw = readStored(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<SavedSession>;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'number' || parsed.expiresAt <= now) return null;
    return { token: parsed.token, expiresAt: parsed.expiresAt, agentId: String(parsed.agentId ?? ''), agentName: String(parsed.agentName ?? '') };
  } catch {
    return null;
  }
}

export function saveSession(session: SavedSession | null): void {
  writeStored(KEY, session ? JSON.stringify(session) : null);
}
