import { insertAtCursor } from '@parley/shared/client';
import { Limits } from '@parley/shared/limits';
import type { CannedReply } from '@parley/shared/settings';
import { useRef } from 'preact/hooks';
import { expandReply, matchingReplies, type ReplyVariables } from '../format/canned-replies.js';
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
  /** Keeps the draft as an internal note instead (agents only); null where notes cannot be written. */
  onNote: ((text: string) => void) | null;
  onFile: (file: File) => void;
  /** Canned replies this chat offers (own and the room's), and what their variables are filled with. */
  replies: readonly CannedReply[];
  variables: ReplyVariables;
};

/**
 * The agent's reply box: Enter sends, Shift+Enter starts a new line; files and emoji beside it.
 * A draft of `/` and the start of a shortcut lists the canned replies it names: Tab (or a click)
 * puts the first one's text, variables filled in, in the box, to be read and sent with Send.
 */
export function Composer({ conversationId, visitorName, draft, closedReason, acceptFiles, onDraft, onSend, onNote, onFile, replies, variables }: Props) {
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
  const matches = closed ? [] : matchingReplies(draft, replies).slice(0, 8);
  const useReply = (reply: CannedReply) => {
    onDraft(expandReply(reply.text, variables));
    text.current?.focus();
  };
  const suggestionsId = `canned-${conversationId}`;

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
        placeholder={closedReason ? (onNote ? `${closedReason} You can still add an internal note.` : closedReason) : `Reply to ${visitorName}`}
        disabled={closed && !onNote}
        value={draft}
        aria-describedby={matches.length > 0 ? suggestionsId : undefined}
        onInput={(event) => onDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Tab' && !event.shiftKey && matches.length > 0) {
            event.preventDefault();
            useReply(matches[0]!);
          } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      {matches.length > 0 && (
        <div class="canned-replies" id={suggestionsId}>
          <p class="canned-hint">Tab puts the first reply in the box:</p>
          <ul>
            {matches.map((reply) => (
              <li key={reply.shortcut}>
                <button type="button" class="canned-reply" onClick={() => useReply(reply)}>
                  <span class="canned-shortcut">/{reply.shortcut}</span> <span class="canned-text">{reply.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
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
        {onNote && (
          <button
            type="button"
            class="note-button"
            disabled={!draft.trim()}
            title="Keep this text as an internal note: agents see it, the visitor never does"
            onClick={() => {
              const value = draft.trim();
              if (!value) return;
              onNote(value);
              onDraft('');
            }}
          >
            Add note
          </button>
        )}
        <button type="submit" class="primary" disabled={closed || !draft.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
