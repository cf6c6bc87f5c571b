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

  /** Takes a token: 0 when the frame may run now, otherwise how many ms until it may. */
  take(now: number): number {
    const elapsed = now - this.refilledAt;
    if (elapsed > 0) {
      this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
      this.refilledAt = now;
    }
    this.tokens -= 1;
    if (this.tokens >= 0) return 0;
    return Math.ceil((-this.tokens * 1000) / this.perSecond);
  }
}
