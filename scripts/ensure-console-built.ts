import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildStale } from './build-freshness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds a console (`agent` or `admin`, each a Vite app served from its `dist`) when its build is
 * missing or older than its sources or the shared package, so that `npm ci && npm start` and the
 * browser tests serve a current console without a separate step. Vite is loaded only when a build
 * is needed; without it (a production install) the prebuilt `dist` is served as it is.
 */
export async function ensureConsoleBuilt(name: 'agent' | 'admin', say: (line: string) => void = () => {}): Promise<void> {
  const folder = join(ROOT, name);
  const sources = [join(folder, 'src'), join(folder, 'index.html'), join(folder, 'vite.config.ts'), join(ROOT, 'shared', 'src')];
  if (!isBuildStale(join(folder, 'dist', 'index.html'), sources)) return;
  say(`Building the ${name} console (${name}/dist)…`);
  const { build } = await import('vite');
  await build({ configFile: join(folder, 'vite.config.ts'), logLevel: 'warn' });
}
