import type { Commit } from './embedded-store.js';
import type { JournalEntry } from './journal-entry.js';
import type { MemoryState } from './memory-state.js';
import type { SessionRecord, SessionStore } from './store.js';

/**
 * A visitor session from a journal written before sessions expired has no `expiresAt`. It gets
 * this long from the first start that reads it (the default VISITOR_SESSION_DAYS: we cannot tell
 * when such a visitor was last seen, so they get a full period to come back, not none).
 */
const LEGACY_VISITOR_MS = 30 * 24 * 3600 * 1000;

/** Sessions in memory; expired ones stay until `removeExpired` (the session sweep) records their removal. */
export function embeddedSessions(state: MemoryState, commit: Commit): SessionStore {
  return {
    save: (session) => commit({ t: 'sess', s: session }),
    get: async (tokenHash) => state.sessions.get(tokenHash),
    remove: (tokenHash) => commit({ t: 'unsess', h: tokenHash }),
    async removeExpired(now) {
      const expired: string[] = [];
      for (const [tokenHash, session] of state.sessions) if (session.expiresAt <= now) expired.push(tokenHash);
      // One journal line each, written together by the journal's group commit.
      await Promise.all(expired.map((tokenHash) => commit({ t: 'unsess', h: tokenHash })));
      return expired.length;
    },
  };
}

/**
 * What replay makes of the journal's session entries, as of `now` (the start): a session that
 * expired while the server was down is not brought back (as if its removal had been recorded),
 * and one without an expiry (an older journal) gets LEGACY_VISITOR_MS, to be recorded once.
 */
export class SessionReplay {
  private readonly legacy = new Map<string, SessionRecord>();

  constructor(private readonly now: number) {}

  readonly filter = (entry: JournalEntry): JournalEntry => {
    if (entry.t === 'unsess') this.legacy.delete(entry.h);
    if (entry.t !== 'sess') return entry;
    const session = entry.s;
    this.legacy.delete(session.tokenHash);
    if (typeof (session as { expiresAt?: unknown }).expiresAt !== 'number') {
      const upgraded = { ...session, expiresAt: this.now + LEGACY_VISITOR_MS };
      this.legacy.set(session.tokenHash, upgraded);
      return { t: 'sess', s: upgraded };
    }
    return session.expiresAt <= this.now ? { t: 'unsess', h: session.tokenHash } : entry;
  };

  /** Sessions given an expiry by this replay: the journal must record it, or every start would give a new one. */
  upgraded(): SessionRecord[] {
    return [...this.legacy.values()];
  }
}
