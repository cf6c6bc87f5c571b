import type { AgentRoomSettings } from '@parley/shared';
import type { CannedReply } from '@parley/shared/settings';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { repliesFor } from '../format/canned-replies.js';
import { formatTime } from '../format/durations.js';
import { visitorLabel } from '../format/labels.js';
import type { ChatTab } from '../state/console-state.js';
import { Avatar } from './avatar.js';
import { panelId, tabId } from './chat-tabs.js';
import { Composer } from './composer.js';
import { DispositionForm } from './disposition-form.js';
import { LeadForm } from './lead-form.js';
import { MessageList } from './message-list.js';
import { TransferPanel, type TransferTarget } from './transfer-panel.js';

const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf' };

export type ChatCommands = {
  onSend: (conversationId: string, text: string) => void;
  onNote: (conversationId: string, text: string) => void;
  onTransfer: (conversationId: string, to: TransferTarget, label: string, note: string) => void;
  onDisposition: (conversationId: string, code: string | null, note: string) => void;
  onLead: (conversationId: string, to: string | null) => void;
  onTyping: (conversationId: string, text: string) => void;
  onFile: (conversationId: string, file: File) => void;
  onEnd: (conversationId: string) => void;
  onClose: (conversationId: string) => void;
  onRetry: (conversationId: string, clientId: string) => void;
  onDiscard: (clientId: string) => void;
};

type Props = ChatCommands & {
  chat: ChatTab;
  room: AgentRoomSettings | undefined;
  /** All the agent's rooms: a chat can go to any of their queues. */
  rooms: readonly AgentRoomSettings[];
  /** The agent's own canned replies, and their name (a reply's `{agent.name}`). */
  ownReplies: readonly CannedReply[];
  agentName: string;
  token: string;
  draft: string;
  onDraft: (text: string) => void;
  /** Bumped by the end-chat shortcut: opens the confirmation. */
  endRequest: number;
};

function closedReason(chat: ChatTab): string | null {
  if (chat.detached && chat.conversation.status === 'waiting') return 'This chat was transferred: it is no longer yours.';
  if (chat.detached) return 'This chat is no longer yours: it ended or went back to the queue while you were away.';
  if (chat.conversation.status !== 'ended') return null;
  const by = chat.conversation.endedBy;
  return by === 'visitor' ? 'The visitor ended this chat.' : by === 'agent' ? 'You ended this chat.' : 'This chat has ended.';
}

/** The selected chat: what was said, whether the visitor is typing (and what), the reply box, end and close. */
export function ChatView({ chat, room, rooms, ownReplies, agentName, token, draft, onDraft, endRequest, ...commands }: Props) {
  const id = chat.conversation.id;
  const name = visitorLabel(chat.conversation.visitor.name);
  const closed = closedReason(chat);
  const [confirming, setConfirming] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const firstRequest = useRef(endRequest);

  useEffect(() => {
    if (endRequest !== firstRequest.current && !closed) setConfirming(true);
  }, [endRequest]);
  useLayoutEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const acceptFiles = room?.agentAttachments ? room.attachmentTypes.map((kind) => MIME[kind]).join(',') : room ? null : Object.values(MIME).join(',');

  return (
    <div class="chat-view" role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)}>
      <div class="chat-header">
        <Avatar name={name} size="large" />
        <div class="chat-heading">
          <h2 class="chat-title">
            Chat with <span class="visitor-name">{name}</span>
          </h2>
          <p class="chat-state">
            <span class={`online-dot${!closed && chat.conversation.visitor.online ? ' online' : ''}`} aria-hidden="true" />
            {room?.label ?? chat.conversation.room}
            {' · '}
            {closed ? 'ended' : chat.conversation.visitor.online ? 'visitor on the page' : 'visitor left the page'}
          </p>
        </div>
        {closed ? (
          <button type="button" onClick={() => commands.onClose(id)}>
            Close tab
          </button>
        ) : (
          !confirming && (
            <span class="chat-actions">
              {chat.conversation.status === 'active' && !transferring && (
                <button type="button" onClick={() => setTransferring(true)}>
                  Transfer
                </button>
              )}{' '}
              <button type="button" aria-keyshortcuts="Alt+E" onClick={() => setConfirming(true)}>
                End chat
              </button>
            </span>
          )
        )}
      </div>
      {chat.conversation.idleSince !== null && !closed && (
        <p class="notice error idle-warning" role="alert">
          {name} has been waiting for your reply since {formatTime(chat.conversation.idleSince)}.
        </p>
      )}
      {transferring && !closed && chat.conversation.status === 'active' && (
        <TransferPanel
          conversationId={id}
          visitorName={name}
          room={room}
          rooms={rooms}
          onCancel={() => setTransferring(false)}
          onTransfer={(to, label, note) => {
            setTransferring(false);
            commands.onTransfer(id, to, label, note);
          }}
        />
      )}
      {confirming && !closed && (
        <div class="confirm-end" role="group" aria-label="Confirm ending the chat">
          <span>End the chat with {name}?</span>{' '}
          <button
            type="button"
            class="danger"
            ref={confirmButton}
            onClick={() => {
              setConfirming(false);
              commands.onEnd(id);
            }}
          >
            Yes, end chat
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep chatting
          </button>
        </div>
      )}
      {chat.conversation.status === 'ended' && !chat.detached && room && room.resultCodes.length > 0 && (
        <DispositionForm
          conversationId={id}
          room={room}
          given={chat.conversation.disposition}
          onGive={(code, note) => commands.onDisposition(id, code, note)}
        />
      )}
      {chat.conversation.status === 'ended' && !chat.detached && room && room.crmSelection.length > 0 && (
        <LeadForm conversationId={id} room={room} chosen={chat.conversation.lead} onChoose={(to) => commands.onLead(id, to)} />
      )}
      {closed && (
        <p class="chat-closed" role="status">
          {closed}
        </p>
      )}
      <MessageList
        messages={chat.messages}
        pending={chat.pending}
        notes={chat.conversation.notes}
        token={token}
        visitorName={name}
        label={`Messages with ${name}`}
        onRetry={(clientId) => commands.onRetry(id, clientId)}
        onDiscard={commands.onDiscard}
      />
      <div class="typing">
        <p class="typing-who" aria-live="polite">
          {chat.typing.active ? `${name} is typing…` : ''}
        </p>
        {chat.typing.active && chat.typing.draft && (
          <p class="typing-draft">
            <span class="sr-only">Draft: </span>
            {chat.typing.draft}
          </p>
        )}
      </div>
      <Composer
        conversationId={id}
        visitorName={name}
        draft={draft}
        closedReason={closed}
        acceptFiles={acceptFiles}
        onDraft={(text) => {
          onDraft(text);
          if (!closed) commands.onTyping(id, text);
        }}
        onSend={(text) => commands.onSend(id, text)}
        onNote={chat.detached ? null : (text) => commands.onNote(id, text)}
        onFile={(file) => commands.onFile(id, file)}
        replies={repliesFor(ownReplies, room?.cannedReplies ?? [])}
        variables={{ visitorName: chat.conversation.visitor.name ?? '', agentName, form: chat.conversation.form }}
      />
    </div>
  );
}
