import type { Party } from '../hub/access.js';
import type { Clock } from '../hub/clock.js';
import { hashToken, randomId } from '../random-id.js';
import type { SessionStore } from '../store/store.js';

/**
 * Session tokens for visitors and agents. Tokens are 256 random bits minted here and never taken
 * from a client; the store keeps only their SHA-256. A visitor's session has no expiry (it is
 * what lets them find their conversation again); an agent's lasts AGENT_SESSION_HOURS.
 */
export class Sessions {
  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
    private readonly agentSessionMs: number,
  ) {}

  /** The visitor the token belongs to, or a new visitor with a new token. */
  async visitor(token: string | undefined): Promise<{ visitorId: string; token: string; isNew: boolean }> {
    if (token) {
      const session = await this.store.get(hashToken(token));
      if (session?.kind === 'visitor') return { visitorId: session.visitorId, token, isNew: false };
    }
    const fresh = randomId(32);
    const visitorId = randomId(16);
    await this.store.save({ tokenHash: hashToken(fresh), kind: 'visitor', visitorId, createdAt: this.clock.now() });
    return { visitorId, token: fresh, isNew: true };
  }

  async signInAgent(agentId: string): Promise<{ token: string; expiresAt: number }> {
    const token = randomId(32);
    const now = this.clock.now();
    const expiresAt = now + this.agentSessionMs;
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
    if (session?.kind === 'visitor') return { kind: 'visitor', visitorId: session.visitorId };
    if (session?.kind === 'agent' && session.expiresAt > this.clock.now()) return { kind: 'agent', agentId: session.agentId };
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
