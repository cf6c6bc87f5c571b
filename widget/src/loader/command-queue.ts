/** `window.Parley` as the host page's snippet may have defined it before the loader arrived. */
export type ParleyFunction = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; loaded?: boolean };

/**
 * Replaces the page's queueing stub with the real `Parley` function and replays what was queued,
 * in order. Calls made after this run at once. Returns false when a loader is already installed
 * (the script tag pasted twice).
 */
export function installCommandQueue(win: Window & { Parley?: ParleyFunction }, run: (args: unknown[]) => void): boolean {
  const previous = win.Parley;
  if (previous?.loaded) return false;
  const parley: ParleyFunction = (...args) => run(args);
  parley.loaded = true;
  win.Parley = parley;
  for (const args of Array.from(previous?.q ?? [])) run(Array.from(args));
  return true;
}
