import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const AGENT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = fileURLToPath(new URL('../../shared/src', import.meta.url));
const BUILT = join(AGENT, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Whether `agent/dist` is missing or older than anything it is built from. */
export function consoleBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = [join(AGENT, 'src'), join(AGENT, 'index.html'), join(AGENT, 'vite.config.ts'), SHARED];
  return Math.max(...sources.map(newestChange)) > statSync(BUILT).mtimeMs;
}

/**
 * Builds the console into `agent/dist` when it is missing or out of date, so that
 * `npm ci && npm start` (and the browser tests) serve a current console without a separate step.
 * Vite is loaded only when a build is needed; without it (a production install) the prebuilt
 * `dist` is served as it is.
 */
export async function ensureConsoleBuilt(say: (line: string) => void = () => {}): Promise<void> {
  if (!consoleBuildIsStale()) return;
  say('Building the agent console (agent/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(AGENT, 'vite.config.ts'), logLevel: 'warn' });
}
