import type { VisitorClientFrame } from '@parley/shared';
import { Limits } from '@parley/shared/limits';

type TypingFrame = Extract<VisitorClientFrame, { type: 'typing' }>;

/** Drafts go out at most this often while the visitor types (the server also limits typing frames). */
const THROTTLE_MS = 400;
/** No keystroke for this long: the visitor stopped typing. */
const IDLE_MS = 4000;

/**
 * Tells the agent the visitor is typing: the live preview sends the draft itself, unless
 * the room hides previews, in which case the draft never leaves the page.
 */
export class TypingReporter {
  private active: string | null = null;
  private latest = '';
  private throttle: ReturnType<typeof setTimeout> | null = null;
  private idle: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (frame: TypingFrame) => void,
    /** Whether the room shows agents the visitor's draft (read at each report: an admin may change it). */
    private readonly withDraft: () => boolean,
  ) {}

  draft(conversationId: string, text: string): void {
    if (text.trim() === '') return this.stop(conversationId);
    this.latest = text;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(conversationId), IDLE_MS);
    if (this.throttle) return;
    this.report(conversationId);
    this.throttle = setTimeout(() => {
      this.throttle = null;
      if (this.active === conversationId && this.withDraft()) this.report(conversationId);
    }, THROTTLE_MS);
  }

  stop(conversationId: string): void {
    if (this.idle) clearTimeout(this.idle);
    if (this.throttle) clearTimeout(this.throttle);
    this.idle = this.throttle = null;
    if (this.active !== conversationId) return;
    this.active = null;
    this.send({ type: 'typing', conversationId, active: false });
  }

  private report(conversationId: string): void {
    const fresh = this.active !== conversationId;
    this.active = conversationId;
    if (!this.withDraft() && !fresh) return;
    this.send({ type: 'typing', conversationId, active: true, ...(this.withDraft() ? { draft: this.latest.slice(0, Limits.typingDraft) } : {}) });
  }
}
