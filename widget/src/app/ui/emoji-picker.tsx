import { useEffect, useRef, useState } from 'preact/hooks';
import { EMOJI_GROUPS } from '../emoji/emoji-data.js';
import { useWidget } from './widget-context.js';

/** Columns of the grid; arrow keys move by one, up and down by a row. */
const COLUMNS = 8;

/**
 * "Emojis": a searchable grid. This module and its data are loaded on first use (the composer
 * imports it lazily: most visitors never open it, and every byte of the app counts). Arrow
 * keys move between emoji, Enter inserts, Escape closes and returns to the message box.
 */
export function EmojiPicker({ onPick, onClose }: { onPick(emoji: string): void; onClose(): void }) {
  const { strings } = useWidget();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => search.current?.focus(), []);

  const needle = query.trim().toLowerCase();
  const shown = EMOJI_GROUPS.flatMap((group) => group.emoji).filter((emoji) => !needle || emoji.name.includes(needle));
  const move = (index: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, index));
    setActive(next);
    grid.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };
  const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };

  return (
    <div
      class="emoji"
      role="dialog"
      aria-label={strings.emoji}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <input
        ref={search}
        type="search"
        aria-label={strings.emojiSearch}
        placeholder={strings.emojiSearch}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && shown.length > 0) {
            event.preventDefault();
            move(active);
          }
        }}
      />
      {shown.length === 0 ? (
        <p role="status">{strings.emojiNone}</p>
      ) : (
        <div
          class="emoji-grid"
          ref={grid}
          onKeyDown={(event) => {
            const step = keys[event.key];
            if (step === undefined) return;
            event.preventDefault();
            move(active + step);
          }}
        >
          {shown.map((emoji, index) => (
            <button
              key={emoji.char}
              type="button"
              aria-label={emoji.name}
              title={emoji.name}
              tabIndex={index === active ? 0 : -1}
              onClick={() => onPick(emoji.char)}
            >
              {emoji.char}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
