/** A growing list of numbers (latencies in ms) with percentiles computed once at the end. */
export class Samples {
  private data = new Float64Array(4096);
  length = 0;

  add(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  clear(): void {
    this.length = 0;
  }

  /** Nearest-rank percentiles; NaN when empty. */
  summary(): { count: number; p50: number; p99: number; max: number } {
    if (this.length === 0) return { count: 0, p50: NaN, p99: NaN, max: NaN };
    const sorted = this.data.slice(0, this.length).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
    return { count: this.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every few ms until it holds; rejects after `timeoutMs` with `what`. */
export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}
