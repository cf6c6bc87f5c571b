import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ThemeChoice } from '../theme/console-theme.js';
import { SHORTCUTS } from './shortcuts.js';

type Props = {
  theme: ThemeChoice;
  onTheme: (choice: ThemeChoice) => void;
  onSignOut: () => void;
  /** The alert switches (ringing, the email alert), as the workspace builds them. */
  children: ComponentChildren;
};

/**
 * The agent's own settings, out of the way of the work: how incoming chats ring, the email
 * alert, light or dark, the keyboard shortcuts, and signing out. A disclosure: the button shows
 * a panel of ordinary controls; Escape or a click elsewhere closes it, and the focus goes back.
 */
export function SettingsMenu({ theme, onTheme, onSignOut, children }: Props) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div
      class="settings"
      ref={wrap}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button type="button" class="ghost settings-button" ref={button} aria-expanded={open} aria-controls="settings-panel" onClick={() => setOpen(!open)}>
        Settings
      </button>
      <div class="settings-panel" id="settings-panel" hidden={!open}>
        {children}
        <label class="theme-choice">
          Theme{' '}
          <select value={theme} onChange={(event) => onTheme(event.currentTarget.value as ThemeChoice)}>
            <option value="auto">As the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <section class="shortcuts" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <ul>
            {SHORTCUTS.map((shortcut) => (
              <li key={shortcut.code}>
                <kbd>{shortcut.keys}</kbd> {shortcut.description}
              </li>
            ))}
          </ul>
        </section>
        <button type="button" class="sign-out" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </div>
  );
}
