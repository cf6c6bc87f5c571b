import type { ChatMessage, ResponseClock } from '@parley/shared';
import { useRef } from 'preact/hooks';
import { formatTime, formatWait } from '../format/durations.js';
import { visitorLabel } from '../format/labels.js';
import { clockState } from '../format/response-clock.js';
import type { ChatTab } from '../state/console-state.js';
import { Avatar } from './avatar.js';

type Props = {
  chats: ChatTab[];
  selected: string | null;
  /** For the response clocks and waiting times. */
  now: number;
  onSelect: (conversationId: string) => void;
};

export const tabId = (conversationId: string) => `chat-tab-${conversationId}`;
export const panelId = (conversationId: string) => `chat-panel-${conversationId}`;

function stateText(chat: ChatTab): string | null {
  if (chat.detached) return 'no longer yours';
  if (chat.conversation.status === 'ended') return 'ended';
  if (!chat.conversation.visitor.online) return 'visitor away';
  return null;
}

/** The last thing said, as one line of text (files by name, events left out). */
function lastLine(messages: readonly ChatMessage[]): ChatMessage | null {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.kind !== 'event') return messages[i]!;
  return null;
}

function preview(message: ChatMessage | null): string {
  if (!message || message.kind === 'event') return 'No messages yet';
  const body = message.kind === 'text' ? message.text : message.file.name;
  return message.from === 'agent' ? `You: ${body}` : body;
}

/**
 * The agent's chats as a list (the WAI-ARIA tabs pattern, vertical): each with the visitor's
 * initials, name, the last line said and when, how long the visitor has waited for an answer,
 * the response clock and the unread count. One tab in the Tab order; arrow keys (and Home,
 * End) move between chats and show each at once. A tab's name is what it shows but the last
 * line (name, state, time or wait, unread, clock).
 */
export function ChatTabs({ chats, selected, now, onSelect }: Props) {
  const list = useRef<HTMLDivElement>(null);
  if (chats.length === 0) return null;
  const current = chats.some((c) => c.conversation.id === selected) ? selected : chats[0]!.conversation.id;

  const move = (event: KeyboardEvent) => {
    const index = chats.findIndex((c) => c.conversation.id === current);
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowRight: index + 1,
      ArrowUp: index - 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: chats.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = chats[(target + chats.length) % chats.length]!.conversation.id;
    onSelect(next);
    list.current?.ownerDocument.getElementById(tabId(next))?.focus();
  };

  return (
    <div class="chat-tabs" role="tablist" aria-label="Your chats" aria-orientation="vertical" ref={list} onKeyDown={move}>
      {chats.map((chat) => {
        const id = chat.conversation.id;
        const isSelected = id === current;
        const name = visitorLabel(chat.conversation.visitor.name);
        const note = stateText(chat);
        const last = lastLine(chat.messages);
        const clock = chat.conversation.responseClock && !chat.detached ? chat.conversation.responseClock : null;
        // The visitor wrote last and nobody answered yet: how long they have waited.
        const waiting = last && last.kind !== 'event' && last.from === 'visitor' && chat.conversation.status === 'active' ? now - last.at : null;
        return (
          <button
            key={id}
            type="button"
            role="tab"
            id={tabId(id)}
            aria-selected={isSelected}
            aria-controls={panelId(id)}
            tabIndex={isSelected ? 0 : -1}
            class={`chat-tab${chat.conversation.status === 'ended' || chat.detached ? ' ended' : ''}`}
            onClick={() => onSelect(id)}
          >
            <Avatar name={name} />
            <span class="chat-tab-main">
              <span class="chat-tab-top">
                <span class="chat-tab-name">{name}</span>
                {note && <span class="sr-only"> ({note})</span>}
                <span class="chat-tab-time"> {waiting !== null ? `waiting ${formatWait(waiting)}` : last ? formatTime(last.at) : ''}</span>
              </span>
              <span class="chat-tab-bottom">
                {/* The last line is in the chat itself: shown here, not read out as the tab's name. */}
                <span class="chat-tab-preview" aria-hidden="true">
                  {note ? note[0]!.toUpperCase() + note.slice(1) : preview(last)}
                </span>
                {chat.unread > 0 && (
                  <span class="unread" data-unread={chat.unread}>
                    {' '}
                    {chat.unread}
                    <span class="sr-only"> unread</span>
                  </span>
                )}
              </span>
              {clock && <ClockChip clock={clock} now={now} />}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** A chat's response clock: normal, warning or breached, with the time left or over. */
function ClockChip({ clock, now }: { clock: ResponseClock; now: number }) {
  const { state, text } = clockState(clock, now);
  return (
    <span class={`sla sla-${state}`} data-sla={state}>
      {text}
    </span>
  );
}
