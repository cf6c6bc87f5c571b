import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WIDGET = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [join(WIDGET, 'src'), join(WIDGET, 'scripts'), fileURLToPath(new URL('../../shared/src', import.meta.url))];
const BUILT = join(WIDGET, 'dist', 'widget.js');

function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether `widget/dist` is missing or older than the sources it is built from. */
export function widgetBuildIsStale(): boolean {
  let built: number;
  try {
    built = statSync(BUILT).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((folder) => newest(folder) > built);
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
