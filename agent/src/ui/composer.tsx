import { insertAtCursor } from '@parley/shared/client';
import { Limits } from '@parley/shared/limits';
import { useRef } from 'preact/hooks';
import { EmojiPicker } from './emoji-picker.js';

type Props = {
  conversationId: string;
  visitorName: string;
  draft: string;
  /** Why nothing can be sent now (chat ended), or null. */
  closedReason: string | null;
  /** File types the room takes from agents (MIME), or null when it takes none. */
  acceptFiles: string | null;
  onDraft: (text: string) => void;
  onSend: (text: string) => void;
  onFile: (file: File) => void;
};

/** The agent's reply box: Enter sends, Shift+Enter starts a new line; files and emoji beside it. */
export function Composer({ conversationId, visitorName, draft, closedReason, acceptFiles, onDraft, onSend, onFile }: Props) {
  const text = useRef<HTMLTextAreaElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const inputId = `composer-${conversationId}`;
  const fileId = `attach-${conversationId}`;
  const closed = closedReason !== null;

  const send = () => {
    const value = draft.trim();
    if (!value || closed) return;
    onSend(value);
    onDraft('');
  };

  const insert = (emoji: string) => insertAtCursor(text.current, draft, emoji, onDraft);

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label for={inputId} class="sr-only">
        Message to {visitorName}
      </label>
      <textarea
        id={inputId}
        ref={text}
        rows={2}
        maxLength={Limits.messageText}
        placeholder={closedReason ?? `Reply to ${visitorName}`}
        disabled={closed}
        value={draft}
        onInput={(event) => onDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div class="composer-actions">
        <EmojiPicker onPick={insert} disabled={closed} />
        {acceptFiles !== null && (
          <>
            <input
              id={fileId}
              ref={files}
              type="file"
              class="sr-only"
              tabIndex={-1}
              aria-label="Attach a file"
              accept={acceptFiles}
              disabled={closed}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) onFile(file);
                event.currentTarget.value = '';
              }}
            />
            <button type="button" disabled={closed} onClick={() => files.current?.click()} aria-label="Attach a file" title="Attach a file">
              Attach
            </button>
          </>
        )}
        <button type="submit" class="primary" disabled={closed || !draft.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
