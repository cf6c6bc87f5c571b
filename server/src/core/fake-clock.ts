import type { Clock, Timer } from './clock.js';

type Scheduled = { at: number; order: number; fn: () => void; cancelled: boolean };

/** A clock for tests: time moves only when `advance` is called, running due timers in order. */
export class FakeClock implements Clock {
  private current: number;
  private order = 0;
  private scheduled: Scheduled[] = [];

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, fn: () => void): Timer {
    const entry: Scheduled = { at: this.current + Math.max(0, delayMs), order: this.order++, fn, cancelled: false };
    this.scheduled.push(entry);
    return { cancel: () => void (entry.cancelled = true) };
  }

  /** Moves time forward by `ms`, running every timer that falls due, each at its own time. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.scheduled.filter((s) => !s.cancelled && s.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.current = due.at;
      due.cancelled = true;
      due.fn();
    }
    this.scheduled = this.scheduled.filter((s) => !s.cancelled);
    this.current = target;
  }

  /** Timers still waiting to run. */
  pending(): number {
    return this.scheduled.filter((s) => !s.cancelled).length;
  }
}
