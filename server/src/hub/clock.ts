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
