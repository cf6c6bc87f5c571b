/**
 * Delay before reconnect attempt `attempt` (0 for the first): exponential from `baseMs` up to
 * `maxMs`, with "equal jitter" (half fixed, half random) so that a server restart does not bring
 * every console back in the same millisecond, yet no attempt comes back too soon.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
