import type { Logger } from 'pino';
import type { Directory } from '../config/directory.js';
import type { Clock, Timer } from '../core/clock.js';
import type { MaintenanceStore, RetentionPolicy } from './store.js';

/** Retention is applied once a day (a compaction runs then even if the journal is short). */
export const RETENTION_INTERVAL_MS = 24 * 3600 * 1000;

/** Each room's `retentionDays` (0: for ever), else the server's RETENTION_DAYS (0: for ever). */
export function retentionPolicy(directory: Directory, defaultDays: number): RetentionPolicy {
  const rooms: Record<string, number | null> = {};
  for (const room of directory.rooms()) if (room.retentionDays !== undefined) rooms[room.name] = room.retentionDays === 0 ? null : room.retentionDays;
  return { defaultDays: defaultDays === 0 ? null : defaultDays, rooms };
}

/**
 * Keeps the store's retention in step with the rooms' settings (at start and whenever they change)
 * and runs a compaction every RETENTION_INTERVAL_MS on the server's clock, which deletes what has
 * passed its time. Stores without maintenance (memory, Redis) have nothing to do here.
 */
export class RetentionSchedule {
  private timer: Timer | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: MaintenanceStore,
    private readonly directory: Directory,
    private readonly defaultDays: number,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.settingsChanged();
    this.schedule();
  }

  settingsChanged(): void {
    this.store.setRetention(retentionPolicy(this.directory, this.defaultDays));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = this.clock.setTimer(RETENTION_INTERVAL_MS, () => {
      this.schedule();
      const run = this.store.compact().catch((error: unknown) => this.log.error({ err: error }, 'daily compaction (retention) failed'));
      this.running = Promise.all([this.running, run]).then(() => undefined);
    });
  }
}
