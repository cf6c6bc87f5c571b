import type { Logger } from 'pino';
import type { Clock, Timer } from '../core/clock.js';
import type { SessionStore } from '../store/store.js';

/**
 * Sessions are refused from their `expiresAt` on whether or not they were swept (Sessions checks
 * it), so the sweep is only about memory and the journal, and an hour's delay costs nothing.
 * The embedded store scans a million sessions in about 50-90 ms, in slices of a few ms each.
 */
export const SWEEP_INTERVAL_MS = 3600 * 1000;

/**
 * Removes expired sessions of every kind (visitor, agent, file link) from the store, every
 * SWEEP_INTERVAL_MS on the server's clock, and records their removal so that a restart does not
 * bring them back. A store whose sessions expire by themselves (Redis key TTLs) finds none.
 */
export class SessionSweep {
  private timer: Timer | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly intervalMs = SWEEP_INTERVAL_MS,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Removes what has expired by now; resolves with how many sessions went. */
  async sweep(): Promise<number> {
    const startedAt = performance.now();
    const removed = await this.store.removeExpired(this.clock.now());
    if (removed > 0) this.log.info({ removed, ms: Math.round(performance.now() - startedAt) }, 'expired sessions removed');
    return removed;
  }

  /** No more sweeps; resolves once one under way has been written (before the store closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = this.clock.setTimer(this.intervalMs, () => {
      // The next one is set now, not when this one is written: a sweep takes milliseconds, and one
      // that overlapped another would find nothing the first had not already taken.
      this.schedule();
      const sweep = this.sweep().catch((error: unknown) => this.log.error({ err: error }, 'session sweep failed'));
      // Resolves to nothing, so hourly sweeps do not nest their results into an ever deeper array.
      this.running = Promise.all([this.running, sweep]).then(() => undefined);
    });
  }
}
