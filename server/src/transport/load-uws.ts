import { createRequire } from 'node:module';

type Uws = typeof import('uWebSockets.js');

/**
 * Loads uWebSockets.js and checks that its native binary is what loaded: the package silently
 * falls back to a JavaScript emulation when the binary does not match this Node, and that
 * emulation is slower than plain ws. Returns null in that case so the server runs on ws instead.
 */
export function loadNativeUws(): { uws: Uws | null; reason: string } {
  const previousWarn = console.warn;
  const warnings: string[] = [];
  // The package reports a failed binary load with console.warn; capture it for our own logger.
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    const uws = createRequire(import.meta.url)('uWebSockets.js') as Uws;
    if (String(uws.App).includes('[native code]')) return { uws, reason: 'native uWebSockets.js binary loaded' };
    return { uws: null, reason: `uWebSockets.js native binary did not load (${warnings.join(' ').slice(0, 300) || 'fallback active'})` };
  } catch (error) {
    return { uws: null, reason: `uWebSockets.js could not be loaded: ${(error as Error).message}` };
  } finally {
    console.warn = previousWarn;
  }
}
