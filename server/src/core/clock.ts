/**
 * Time as the hub sees it. The hub never calls Date.now() or setTimeout itself, so tests drive
 * offer timeouts, sticky timeouts and grace periods with a fake clock instead of waiting.
 */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  now(): number;
  /** Runs `fn` once after `delayMs`, unless cancelled first. */
  setTimer(delayMs: number, fn: () => void): Timer;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, fn) {
    const handle = setTimeout(fn, delayMs);
    return { cancel: () => clearTimeout(handle) };
  },
};

/**
 * A clock whose timers can all be cancelled at once: what a routing owner runs on, so that one
 * that steps down (another node took routing over) leaves no timer behind to act on old state.
 */
export class StoppableClock implements Clock {
  private readonly timers = new Set<Timer>();
  private stopped = false;

  constructor(private readonly clock: Clock) {}

  now(): number {
    return this.clock.now();
  }

  setTimer(delayMs: number, fn: () => void): Timer {
    if (this.stopped) return { cancel: () => {} };
    const timer = this.clock.setTimer(delayMs, () => {
      this.timers.delete(timer);
      fn();
    });
    this.timers.add(timer);
    return {
      cancel: () => {
        this.timers.delete(timer);
        timer.cancel();
      },
    };
  }

  /** Cancels every pending timer; later ones never start. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
  }
}
