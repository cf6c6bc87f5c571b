/**
 * localStorage can throw (storage disabled, private modes, quota), so every access goes through
 * here and a failure means "nothing stored" rather than a broken console.
 */
export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not stored: the console still works, it just forgets this after a reload.
  }
}
