import { useEffect, useRef, useState } from 'preact/hooks';
import type { EmojiGroup } from '../emoji/emoji-data.js';
import { useWidget } from './widget-context.js';

/** Columns of the grid; arrow keys move by one, up and down by a row. */
const COLUMNS = 8;

/**
 * "Emojis": a searchable grid, loaded on first use (its data is a separate file). Arrow
 * keys move between emoji, Enter inserts, Escape closes and returns to the message box.
 */
export function EmojiPicker({ onPick, onClose }: { onPick(emoji: string): void; onClose(): void }) {
  const { strings } = useWidget();
  const [groups, setGroups] = useState<EmojiGroup[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void import('../emoji/emoji-data.js').then((data) => live && setGroups(data.EMOJI_GROUPS));
    search.current?.focus();
    return () => {
      live = false;
    };
  }, []);

  const needle = query.trim().toLowerCase();
  const shown = (groups ?? []).flatMap((group) => group.emoji).filter((emoji) => !needle || emoji.name.includes(needle));
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
      {groups === null ? (
        <p role="status">{strings.loading}</p>
      ) : shown.length === 0 ? (
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
