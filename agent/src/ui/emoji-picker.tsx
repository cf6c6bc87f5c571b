import { useEffect, useRef, useState } from 'preact/hooks';
import type { EmojiGroup } from '../emoji/emoji-data.js';

type Props = { onPick: (emoji: string) => void; disabled?: boolean };

/**
 * A small emoji picker: a button that opens a dialog of labelled emoji buttons, grouped. Escape
 * or picking one closes it and gives focus back. The data arrives on first open (its own chunk).
 */
export function EmojiPicker({ onPick, disabled = false }: Props) {
  const [open, setOpen] = useState(false);
  const [groups, setGroups] = useState<EmojiGroup[] | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open || groups) return;
    let active = true;
    void import('../emoji/emoji-data.js').then((module) => {
      if (active) setGroups(module.EMOJI_GROUPS);
    });
    return () => {
      active = false;
    };
  }, [open, groups]);

  useEffect(() => {
    if (open && groups) panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open, groups]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div class="emoji-picker">
      <button
        type="button"
        ref={toggle}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label="Insert emoji"
        title="Insert emoji"
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        Emoji
      </button>
      {open && (
        <div
          class="emoji-panel"
          role="dialog"
          aria-label="Emoji"
          ref={panel}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          {!groups && <p>Loading…</p>}
          {groups?.map((group) => (
            <div key={group.name} role="group" aria-label={group.name} class="emoji-group">
              {group.emoji.map(([symbol, name]) => (
                <button
                  key={symbol}
                  type="button"
                  aria-label={name}
                  title={name}
                  onClick={() => {
                    onPick(symbol);
                    setOpen(false);
                  }}
                >
                  {symbol}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
