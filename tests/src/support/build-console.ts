import { ensureConsoleBuilt } from '../../../scripts/ensure-console-built.js';

/**
 * Vitest global setup for the integration project: the browser tests drive the consoles the
 * server serves from agent/dist and admin/dist, so build them once, before any test file runs, if stale.
 */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt('agent');
  await ensureConsoleBuilt('admin');
}
