/*
 * localStorage, guarded: it throws when disabled (privacy modes, sandboxed frames, blocked
 * third-party storage) or full. Without it the widget still works; it only forgets the visitor
 * when the page changes.
 */

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage unavailable: behave as if nothing was stored
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // storage unavailable or full: this page keeps working from memory
  }
}

/**
 * Where the widget keeps things, per Parley server (the visitor's token serves every room of it)
 * and per room (what is open there).
 */
export function storageKeys(base: string, room: string) {
  const server = `parley:${new URL(base).host}`;
  return {
    /** The visitor's session token, minted by the server. */
    token: `${server}:token`,
    /** Set while the visitor has a conversation in this room: the next page loads the chat app at once. */
    active: `${server}:${room}:active`,
    /** Messages typed but not yet acknowledged, sent again after a reload (the server stores each once). */
    outbox: `${server}:${room}:outbox`,
    /** Whether the chat window was open, so the next page shows it the same way. */
    open: `${server}:${room}:open`,
  };
}
