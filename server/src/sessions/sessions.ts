import type { Clock } from '../core/clock.js';
import type { Party } from '../core/party.js';
import { hashToken, randomId } from '../core/random-id.js';
import type { SessionRecord, SessionStore } from '../store/store.js';

const DAY_MS = 24 * 3600 * 1000;

/** Who may hold a session now: an agent or admin that was deleted, disabled or signed out everywhere may not. */
export interface Accounts {
  agent(id: string): { disabled: boolean; signedOutAt?: number | undefined } | undefined;
  admin(id: string): object | undefined;
}

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
    private readonly accounts: Accounts,
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

  /** The agent a live token belongs to; expired and unknown tokens, and agents who may no longer sign in, give null. */
  async agent(token: string): Promise<{ agentId: string; sessionHash: string } | null> {
    const sessionHash = hashToken(token);
    const session = await this.store.get(sessionHash);
    if (session?.kind !== 'agent' || !this.live(session)) return null;
    return { agentId: session.agentId, sessionHash };
  }

  async signInAdmin(adminId: string): Promise<{ token: string; expiresAt: number }> {
    const token = randomId(32);
    const now = this.clock.now();
    const expiresAt = now + this.lifetimes.agentMs;
    await this.store.save({ tokenHash: hashToken(token), kind: 'admin', adminId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The admin a live token belongs to, or null. */
  async admin(token: string): Promise<{ adminId: string; sessionHash: string } | null> {
    const sessionHash = hashToken(token);
    const session = await this.store.get(sessionHash);
    if (session?.kind !== 'admin' || !this.live(session)) return null;
    return { adminId: session.adminId, sessionHash };
  }

  /** Whoever a token belongs to, visitor or agent, for HTTP requests made on their behalf. */
  async party(token: string): Promise<Party | null> {
    const session = await this.store.get(hashToken(token));
    if (!session || !this.live(session)) return null;
    if (session.kind === 'visitor') return { kind: 'visitor', visitorId: session.visitorId };
    if (session.kind === 'agent') return { kind: 'agent', agentId: session.agentId };
    return null;
  }

  /** A one-time link to set a password (for `ttlMs`); any earlier one for the same person keeps working until used or expired. */
  async invite(role: 'agent' | 'admin', subjectId: string, ttlMs: number): Promise<{ token: string; expiresAt: number }> {
    const token = randomId(32);
    const now = this.clock.now();
    const expiresAt = now + ttlMs;
    await this.store.save({ tokenHash: hashToken(token), kind: 'invite', role, subjectId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** Whom an invite link is for, without using it; null when unknown, used or expired. */
  async inviteOf(token: string): Promise<{ role: 'agent' | 'admin'; subjectId: string } | null> {
    const session = await this.store.get(hashToken(token));
    if (session?.kind !== 'invite' || session.expiresAt <= this.clock.now()) return null;
    return { role: session.role, subjectId: session.subjectId };
  }

  /** Uses an invite link: it works once. */
  async redeemInvite(token: string): Promise<{ role: 'agent' | 'admin'; subjectId: string } | null> {
    const invite = await this.inviteOf(token);
    if (invite) await this.store.remove(hashToken(token));
    return invite;
  }

  /**
   * A session counts until it expires, and an agent's or admin's only while they exist, are not
   * disabled, and were not signed out everywhere after it began.
   */
  private live(session: SessionRecord): boolean {
    if (session.expiresAt <= this.clock.now()) return false;
    if (session.kind === 'agent') {
      const agent = this.accounts.agent(session.agentId);
      return agent !== undefined && !agent.disabled && session.createdAt > (agent.signedOutAt ?? -1);
    }
    if (session.kind === 'admin') return this.accounts.admin(session.adminId) !== undefined;
    return true;
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

  async signOut(sessionHash: string): Promise<void> {
    await this.store.remove(sessionHash);
  }
}
