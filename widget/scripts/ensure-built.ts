import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildStale } from '../../scripts/build-freshness.js';

const WIDGET = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [join(WIDGET, 'src'), join(WIDGET, 'scripts'), fileURLToPath(new URL('../../shared/src', import.meta.url))];
const BUILT = join(WIDGET, 'dist', 'widget.js');

/** Whether `widget/dist` is missing or older than the sources it is built from. */
export function widgetBuildIsStale(): boolean {
  return isBuildStale(BUILT, SOURCES);
}

/**
 * Builds the widget when needed, so that `npm ci && npm start` (and the browser tests) work on a
 * fresh clone without a separate build step. Throws if the build fails.
 */
export function ensureWidgetBuilt(): void {
  if (!widgetBuildIsStale()) return;
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(WIDGET, 'scripts', 'build.ts')], { cwd: WIDGET, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the widget build failed (exit ${result.status})`);
}
