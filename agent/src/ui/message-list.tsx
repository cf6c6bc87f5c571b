import type { AgentNote, ChatMessage } from '@parley/shared';
import { BottomKeeper } from '@parley/shared/client';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { formatTime } from '../format/durations.js';
import type { PendingMessage } from '../state/console-state.js';
import { MessageItem } from './message-item.js';

type Props = {
  messages: ChatMessage[];
  pending?: PendingMessage[];
  /** Internal notes, shown among the messages by time, marked as seen by agents only. */
  notes?: readonly AgentNote[];
  token: string;
  visitorName: string;
  label: string;
  onRetry?: (clientId: string) => void;
  onDiscard?: (clientId: string) => void;
};

/**
 * A chat's messages as a log (read out politely as they arrive), then what is still on its way,
 * marked as such. Keeps the newest in view when the agent was already at the bottom.
 */
export function MessageList({ messages, pending = [], notes = [], token, visitorName, label, onRetry, onDiscard }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const keeper = useRef<BottomKeeper | null>(null);
  // New lines, images that load after their line is drawn, and a window that gets shorter.
  useLayoutEffect(() => {
    const bottom = new BottomKeeper(list.current!, 40);
    keeper.current = bottom;
    return () => bottom.stop();
  }, []);
  useLayoutEffect(() => keeper.current?.stick(), [messages.length, pending.length, notes.length]);
  // Each note goes after the last message sent before it.
  const notesAfter = new Map<number, AgentNote[]>();
  for (const note of notes) {
    const seq = messages.findLast((message) => message.at <= note.at)?.seq ?? 0;
    notesAfter.set(seq, [...(notesAfter.get(seq) ?? []), note]);
  }
  const noteItems = (seq: number) =>
    (notesAfter.get(seq) ?? []).map((note) => (
      <li key={`note-${note.clientId}`} class="message note" data-note={note.clientId}>
        <p class="message-meta">
          <span class="note-label">Internal note</span> <span class="author">{note.agentName}</span>{' '}
          <time dateTime={new Date(note.at).toISOString()}>{formatTime(note.at)}</time>
          <span class="sr-only"> (only agents see this)</span>
        </p>
        <p class="message-text">{note.text}</p>
      </li>
    ));
  return (
    <div class="messages" role="log" aria-label={label} aria-live="polite" ref={list} tabIndex={0}>
      <ol>
        {noteItems(0)}
        {messages.map((message) => [<MessageItem key={message.seq} message={message} token={token} visitorName={visitorName} />, ...noteItems(message.seq)])}
        {pending.map((item) => (
          <li key={item.clientId} class={`message from-agent pending ${item.state}`} data-client-id={item.clientId}>
            <p class="message-meta">
              <span class="author">You</span>{' '}
              <span class="pending-state">{item.state === 'sending' ? 'Sending…' : `Not sent: ${item.error ?? 'try again'}`}</span>
            </p>
            <p class="message-text">{item.kind === 'file' ? `File: ${item.text}` : item.text}</p>
            {item.state === 'failed' && (
              <p class="pending-actions">
                <button type="button" onClick={() => onRetry?.(item.clientId)}>
                  Try again
                </button>{' '}
                <button type="button" onClick={() => onDiscard?.(item.clientId)}>
                  Discard
                </button>
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
