/**
 * Puts `insert` (an emoji) where the caret is in a message box, replacing any selection, and
 * gives the new text to `apply`; once the box has re-rendered with it, the caret goes back right
 * after what was inserted, with the focus, so typing carries on.
 */
export function insertAtCursor(box: HTMLTextAreaElement | null, text: string, insert: string, apply: (next: string) => void): void {
  const start = box?.selectionStart ?? text.length;
  const end = box?.selectionEnd ?? text.length;
  apply(text.slice(0, start) + insert + text.slice(end));
  requestAnimationFrame(() => {
    box?.focus();
    box?.setSelectionRange(start + insert.length, start + insert.length);
  });
}
