import type { ResponseClock } from '@parley/shared';
import { useRef } from 'preact/hooks';
import { visitorLabel } from '../format/labels.js';
import { clockState } from '../format/response-clock.js';
import type { ChatTab } from '../state/console-state.js';

type Props = {
  chats: ChatTab[];
  selected: string | null;
  /** For the response clocks. */
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

/**
 * One tab per chat, with its unread count. The WAI-ARIA tabs pattern: one tab in the Tab order,
 * arrow keys (and Home, End) move between tabs and show each at once.
 */
export function ChatTabs({ chats, selected, now, onSelect }: Props) {
  const list = useRef<HTMLDivElement>(null);
  if (chats.length === 0) return null;
  const current = chats.some((c) => c.conversation.id === selected) ? selected : chats[0]!.conversation.id;

  const move = (event: KeyboardEvent) => {
    const index = chats.findIndex((c) => c.conversation.id === current);
    const targets: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: chats.length - 1 };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = chats[(target + chats.length) % chats.length]!.conversation.id;
    onSelect(next);
    list.current?.ownerDocument.getElementById(tabId(next))?.focus();
  };

  return (
    <div class="chat-tabs" role="tablist" aria-label="Your chats" ref={list} onKeyDown={move}>
      {chats.map((chat) => {
        const id = chat.conversation.id;
        const isSelected = id === current;
        const note = stateText(chat);
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
            <span class="chat-tab-name">{visitorLabel(chat.conversation.visitor.name)}</span>
            {note && <span class="chat-tab-note"> ({note})</span>}
            {chat.conversation.responseClock && !chat.detached && <ClockChip clock={chat.conversation.responseClock} now={now} />}
            {chat.unread > 0 && (
              <span class="unread" data-unread={chat.unread}>
                {chat.unread}
                <span class="sr-only"> unread</span>
              </span>
            )}
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
      {' '}
      {text}
    </span>
  );
}
