/**
 * Counts events and lets a caller wait until a count is reached, without polling (so waiting
 * adds nothing to a measured latency).
 */
export class Countdown {
  count = 0;
  private waiter: { target: number; resolve: () => void } | null = null;

  hit(): void {
    this.count++;
    if (this.waiter && this.count >= this.waiter.target) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve();
    }
  }

  /** Resolves once `target` events have been counted in total; rejects after `timeoutMs`. */
  reach(target: number, timeoutMs: number, what: string): Promise<void> {
    if (this.count >= target) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${this.count} of ${target})`));
      }, timeoutMs);
      this.waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }
}
