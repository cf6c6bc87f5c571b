import type { Party } from '../hub/access.js';
import type { Clock } from '../hub/clock.js';
import { hashToken, randomId } from '../random-id.js';
import type { SessionStore } from '../store/store.js';

const DAY_MS = 24 * 3600 * 1000;

export type SessionLifetimes = {
  /** How long an agent's sign-in lasts (AGENT_SESSION_HOURS). */
  agentMs: number;
  /** How long a visitor's session lasts after they were last seen (VISITOR_SESSION_DAYS). */
  visitorIdleMs: number;
};

/**
 * Session tokens for visitors and agents. Tokens are 256 random bits minted here and never taken
 * from a client; the store keeps only their SHA-256. A visitor's session is what lets them find
 * their conversation again: it lasts `visitorIdleMs` after they were last seen (each hello renews
 * it, see renewalDue). An agent's lasts `agentMs` from sign-in.
 */
export class Sessions {
  /** A renewal moves the expiry by at least this much, so a reconnect storm writes nothing. */
  private readonly renewAfterMs: number;

  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
    private readonly lifetimes: SessionLifetimes,
  ) {
    // A day, or a thirtieth of a shorter period: a visitor seen daily costs one journal line a day,
    // and a session lasts at least 29/30 of the period after the visitor's last hello.
    this.renewAfterMs = Math.min(DAY_MS, lifetimes.visitorIdleMs / 30);
  }

  /**
   * The visitor the token belongs to, or a new visitor with a new token. An expired token is an
   * unknown one: its visitor gets a new id (their conversations stay, under the old id).
   */
  async visitor(token: string | undefined): Promise<{ visitorId: string; token: string; isNew: boolean }> {
    const now = this.clock.now();
    if (token) {
      const session = await this.store.get(hashToken(token));
      if (session?.kind === 'visitor' && session.expiresAt > now) {
        if (this.renewalDue(session.expiresAt, now)) await this.store.save({ ...session, expiresAt: now + this.lifetimes.visitorIdleMs });
        return { visitorId: session.visitorId, token, isNew: false };
      }
    }
    const fresh = randomId(32);
    const visitorId = randomId(16);
    await this.store.save({ tokenHash: hashToken(fresh), kind: 'visitor', visitorId, createdAt: now, expiresAt: now + this.lifetimes.visitorIdleMs });
    return { visitorId, token: fresh, isNew: true };
  }

  /** True when more than renewAfterMs has passed since the session was last given its full period. */
  private renewalDue(expiresAt: number, now: number): boolean {
    const renewedAt = expiresAt - this.lifetimes.visitorIdleMs;
    return now - renewedAt > this.renewAfterMs;
  }

  async signInAgent(agentId: string): Promise<{ token: string; expiresAt: number }> {
    const token = randomId(32);
    const now = this.clock.now();
    const expiresAt = now + this.lifetimes.agentMs;
    await this.store.save({ tokenHash: hashToken(token), kind: 'agent', agentId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The agent a live token belongs to; expired and unknown tokens give null. */
  async agent(token: string): Promise<{ agentId: string; sessionHash: string } | null> {
    const sessionHash = hashToken(token);
    const session = await this.store.get(sessionHash);
    if (session?.kind !== 'agent' || session.expiresAt <= this.clock.now()) return null;
    return { agentId: session.agentId, sessionHash };
  }

  /** Whoever a token belongs to, visitor or agent, for HTTP requests made on their behalf. */
  async party(token: string): Promise<Party | null> {
    const session = await this.store.get(hashToken(token));
    if (!session || session.expiresAt <= this.clock.now()) return null;
    if (session.kind === 'visitor') return { kind: 'visitor', visitorId: session.visitorId };
    if (session.kind === 'agent') return { kind: 'agent', agentId: session.agentId };
    return null;
  }

  /** A token that reads one conversation's files, and nothing else, until `expiresAt`: the links in an emailed transcript. */
  async grantFiles(conversationId: string, expiresAt: number): Promise<string> {
    const token = randomId(32);
    await this.store.save({ tokenHash: hashToken(token), kind: 'files', conversationId, createdAt: this.clock.now(), expiresAt });
    return token;
  }

  /** The conversation whose files a link's token may read, or null (unknown or expired). */
  async filesGrant(token: string): Promise<string | null> {
    const session = await this.store.get(hashToken(token));
    return session?.kind === 'files' && session.expiresAt > this.clock.now() ? session.conversationId : null;
  }

  async signOutAgent(sessionHash: string): Promise<void> {
    await this.store.remove(sessionHash);
  }
}
