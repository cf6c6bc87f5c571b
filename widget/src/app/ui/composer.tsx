import { insertAtCursor } from '@parley/shared/client';
import { Limits } from '@parley/shared/limits';
import { useRef, useState } from 'preact/hooks';
import { acceptList } from '../chat/uploads.js';
import type { EmojiPicker } from './emoji-picker.js';
import { Icon } from './icons.js';
import { useWidget } from './widget-context.js';

/**
 * The message box: Enter sends, Shift+Enter starts a new line. Beside it, when the room allows
 * them, the emoji picker and the file button. Every control is a real button with a name.
 */
export function Composer({ canAttach }: { canAttach: boolean }) {
  const { controller, strings, settings } = useWidget();
  const [text, setText] = useState('');
  const [emojiOpen, setEmojiOpen] = useState(false);
  // The picker and its data come on first use: a separate file most visitors never load.
  const [Picker, setPicker] = useState<typeof EmojiPicker | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const change = (value: string) => {
    setText(value);
    controller.draftChanged(value);
  };
  const send = () => {
    if (!text.trim()) return;
    controller.sendText(text);
    setText('');
    box.current?.focus();
  };
  const insert = (emoji: string) => insertAtCursor(box.current, text, emoji, change);

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label class="sr-only" for="pw-message">
        {strings.messageLabel}
      </label>
      <textarea
        id="pw-message"
        ref={box}
        rows={1}
        value={text}
        maxLength={Limits.messageText}
        placeholder={strings.messagePlaceholder}
        onInput={(event) => change(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      {settings.features.emojis && (
        <button
          type="button"
          class="icon-button"
          aria-label={strings.emoji}
          aria-expanded={emojiOpen}
          onClick={() => {
            setEmojiOpen(!emojiOpen);
            if (!Picker) void import('./emoji-picker.js').then((module) => setPicker(() => module.EmojiPicker));
          }}
        >
          <Icon name="smile" />
        </button>
      )}
      {canAttach && (
        <>
          <button type="button" class="icon-button" aria-label={strings.attach} onClick={() => fileInput.current?.click()}>
            <Icon name="attach" />
          </button>
          <input
            ref={fileInput}
            type="file"
            class="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            accept={acceptList(settings.attachments.types)}
            onChange={(event) => {
              const input = event.currentTarget;
              for (const file of Array.from(input.files ?? [])) controller.uploads.send(file);
              input.value = '';
            }}
          />
        </>
      )}
      <button type="submit" class="icon-button send" aria-label={strings.send} disabled={!text.trim()}>
        <Icon name="send" />
      </button>
      {emojiOpen &&
        (Picker ? (
          <Picker
            onPick={insert}
            onClose={() => {
              setEmojiOpen(false);
              box.current?.focus();
            }}
          />
        ) : (
          <p class="emoji" role="status">
            {strings.loading}
          </p>
        ))}
    </form>
  );
}
