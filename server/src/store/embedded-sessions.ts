import type { Commit } from './commit.js';
import type { JournalEntry } from './journal-entry.js';
import type { MemoryState } from './memory-state.js';
import type { SessionRecord, SessionStore } from './store.js';

/**
 * A visitor session from a journal written before sessions expired has no `expiresAt`. It gets
 * this long from the first start that reads it (the default VISITOR_SESSION_DAYS: we cannot tell
 * when such a visitor was last seen, so they get a full period to come back, not none).
 */
const LEGACY_VISITOR_MS = 30 * 24 * 3600 * 1000;

/**
 * A sweep's work per turn of the event loop, a few milliseconds: a million sessions, or a backlog
 * (a million visitors from an older journal expiring in the same hour), then delays messages by
 * that much at a time rather than by a second.
 */
const SCANS_PER_TURN = 32_768;
const REMOVALS_PER_TURN = 2048;

/** Sessions in memory; expired ones stay until `removeExpired` (the session sweep) records their removal. */
export function embeddedSessions(state: MemoryState, commit: Commit): SessionStore {
  return {
    save: (session) => commit({ t: 'sess', s: session }),
    get: async (tokenHash) => state.sessions.get(tokenHash),
    remove: (tokenHash) => commit({ t: 'unsess', h: tokenHash }),
    async removeExpired(now) {
      let removed = 0;
      // A live iterator over the map: sessions saved or renewed between slices are seen as they are then.
      const sessions = state.sessions.values();
      for (let finished = false; !finished; ) {
        const expired: string[] = [];
        for (let scanned = 0; scanned < SCANS_PER_TURN && expired.length < REMOVALS_PER_TURN; scanned++) {
          const next = sessions.next();
          if (next.done) {
            finished = true;
            break;
          }
          if (next.value.expiresAt <= now) expired.push(next.value.tokenHash);
        }
        // One journal line each, written together by the journal's group commit.
        await Promise.all(expired.map((tokenHash) => commit({ t: 'unsess', h: tokenHash })));
        removed += expired.length;
        if (!finished) await new Promise((resolve) => setImmediate(resolve));
      }
      return removed;
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
