/*
 * localStorage, guarded: it throws when disabled (privacy modes, sandboxed frames, blocked
 * third-party storage) or full. Without it a client still works; it only forgets what it would
 * have kept across a reload.
 */

export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null; // storage unavailable: behave as if nothing was stored
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // storage unavailable or full: this page keeps working from memory
  }
}
