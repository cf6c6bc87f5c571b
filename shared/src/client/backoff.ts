/** First retry after about half a second, doubling to at most half a minute. */
const FIRST_MS = 500;
const LONGEST_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first): exponential, with
 * "equal jitter" (half fixed, half random) so that ten thousand pages dropped by one server
 * restart do not all come back in the same millisecond, yet none waits needlessly long.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_MS, FIRST_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
