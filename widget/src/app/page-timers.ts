import type { ChatController } from './chat/chat-controller.js';

/** Runs `fn` once the page has been open `ms` (counted from when it started loading, not from when the app arrived). */
export function afterPageTime(ms: number, fn: () => void): void {
  setTimeout(fn, Math.max(0, ms - performance.now()));
}

const OPENED = 'parley:auto-opened';

/** The embed code's `data-open-after`: opens the chat window by itself, once a visit, unless the visitor already did. */
export function openOncePerVisit(controller: ChatController): void {
  try {
    if (sessionStorage.getItem(OPENED) === '1') return;
    sessionStorage.setItem(OPENED, '1');
  } catch {
    // Without storage it may open again on another page: still once a page.
  }
  if (!controller.state.open) controller.setOpen(true);
}
