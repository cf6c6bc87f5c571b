import { ensureConsoleBuilt } from '../../../agent/build/ensure-built.js';

/**
 * Vitest global setup for the integration project: the browser tests drive the console the
 * server serves from agent/dist, so build it once, before any test file runs, if it is stale.
 */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt();
}
