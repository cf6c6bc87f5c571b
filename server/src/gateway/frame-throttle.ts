/**
 * A token bucket per connection. A burst passes at once; beyond it, frames are slowed down to the
 * sustained rate (the caller defers them); a connection that keeps pushing past a short backlog
 * is flooding and gets closed. Plain numbers, no timers: an idle connection costs a few bytes.
 */
export class FrameThrottle {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  /** Takes a token and returns 0 when one is there; otherwise takes nothing and returns the ms until one is. */
  take(now: number): number {
    const elapsed = now - this.refilledAt;
    if (elapsed > 0) {
      this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
      this.refilledAt = now;
    }
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.perSecond));
  }
}
