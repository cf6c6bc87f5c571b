import { useEffect } from 'preact/hooks';

export type ShortcutActions = { accept: () => void; nextTab: () => void; endChat: () => void };

/** Alt plus a letter, matched by key position (`event.code`) so that layouts where Alt types a character still work. */
export const SHORTCUTS: { code: string; keys: string; action: keyof ShortcutActions; description: string }[] = [
  { code: 'KeyA', keys: 'Alt+A', action: 'accept', description: 'Accept the chat that has waited longest' },
  { code: 'KeyN', keys: 'Alt+N', action: 'nextTab', description: 'Go to the next chat tab' },
  { code: 'KeyE', keys: 'Alt+E', action: 'endChat', description: 'End the current chat (asks first)' },
];

export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const shortcut = SHORTCUTS.find((s) => s.code === event.code);
      if (!shortcut) return;
      event.preventDefault();
      actions[shortcut.action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
