/** The longest wait between two attempts, however many failed before. */
export const MAX_RETRY_MS = 60 * 60 * 1000;

/**
 * How long to wait after the `failures`-th failure in a row: the first wait, doubled each time,
 * at most an hour. No jitter: one process sends, so there is no crowd of senders to spread out.
 */
export function retryDelay(failures: number, firstMs: number): number {
  return Math.min(firstMs * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
}
