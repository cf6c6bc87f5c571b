import type { AgentConversationView, AgentServerFrame, ChatMessage, ConversationEvent, EndedBy, ErrorFrame, OfferView } from '@parley/shared';
import { mergeMessages } from '@parley/shared/client';
import type { ChatTab, ConsoleState } from './console-state.js';
import { addNotice } from './notices.js';

type Handlers = { [K in AgentServerFrame['type']]: (state: ConsoleState, frame: Extract<AgentServerFrame, { type: K }>) => ConsoleState };

function newTab(conversation: AgentConversationView): ChatTab {
  return { conversation, messages: [], pending: [], unread: 0, typing: { active: false, draft: null }, detached: false };
}

function byWaitingSince(offers: OfferView[]): OfferView[] {
  return [...offers].sort((a, b) => a.waitingSince - b.waitingSince);
}

function updateChat(state: ConsoleState, id: string, change: (chat: ChatTab) => ChatTab): ConsoleState {
  const index = state.chats.findIndex((c) => c.conversation.id === id);
  if (index < 0) return state;
  const chats = [...state.chats];
  chats[index] = change(chats[index]!);
  return { ...state, chats };
}

/** Adds stored messages to a chat: drops pending copies of them, counts what the visitor said while the tab was hidden. */
function receive(state: ConsoleState, chat: ChatTab, incoming: readonly ChatMessage[]): ChatTab {
  const messages = mergeMessages(chat.messages, incoming);
  if (messages === chat.messages) return chat;
  const before = new Set(chat.messages.map((m) => m.seq));
  const fromVisitor = messages.filter((m) => !before.has(m.seq) && m.kind !== 'event' && m.from === 'visitor').length;
  const stored = new Set(messages.map((m) => m.clientId));
  const shown = state.selected === chat.conversation.id && !state.pageHidden;
  return {
    ...chat,
    ...endedBy(chat, messages),
    messages,
    pending: chat.pending.filter((p) => !stored.has(p.clientId)),
    unread: shown ? 0 : chat.unread + fromVisitor,
    typing: fromVisitor > 0 ? { active: false, draft: null } : chat.typing,
  };
}

const END_EVENTS: Partial<Record<ConversationEvent, EndedBy>> = { 'visitor-ended': 'visitor', 'agent-ended': 'agent', abandoned: 'system' };

/** A chat that ended while the console was away learns it from the end event in its history. */
function endedBy(chat: ChatTab, messages: ChatMessage[]): Partial<ChatTab> {
  const last = messages[messages.length - 1];
  const by = last?.kind === 'event' ? END_EVENTS[last.event] : undefined;
  if (!by || chat.conversation.status === 'ended') return {};
  return { conversation: { ...chat.conversation, status: 'ended', endedBy: by }, detached: false, typing: { active: false, draft: null } };
}

function receiveTranscript(state: ConsoleState, conversationId: string, incoming: readonly ChatMessage[], complete: boolean): ConsoleState {
  const transcript = state.transcripts[conversationId];
  if (!transcript) return state;
  const messages = mergeMessages(transcript.messages, incoming);
  return { ...state, transcripts: { ...state.transcripts, [conversationId]: { messages, complete } } };
}

const OFFER_REFUSALS: Partial<Record<ErrorFrame['code'], string>> = {
  ALREADY_TAKEN: 'Another agent accepted that chat first.',
  NOT_OFFERED: 'That chat is no longer offered to you.',
  CONVERSATION_ENDED: 'The visitor left before the chat was accepted.',
};

/** Refusals that say "not now" rather than "no": the message stays as sending, and goes again when the console reconnects. */
const RETRIED: ReadonlySet<string> = new Set(['RATE_LIMITED', 'INTERNAL', 'UNAVAILABLE']);

const handlers: Handlers = {
  welcome(state, frame) {
    const live = new Set(frame.conversations.map((c) => c.id));
    // Typing seen before the drop may have stopped meanwhile: start from "not typing".
    const chats = state.chats.map(
      (chat): ChatTab => ({
        ...chat,
        typing: { active: false, draft: null },
        detached: chat.detached || (!live.has(chat.conversation.id) && chat.conversation.status !== 'ended'),
      }),
    );
    for (const conversation of frame.conversations) {
      const index = chats.findIndex((c) => c.conversation.id === conversation.id);
      if (index >= 0) chats[index] = { ...chats[index]!, conversation, detached: false };
      else chats.push(newTab(conversation));
    }
    const selected = state.selected !== null && chats.some((c) => c.conversation.id === state.selected) ? state.selected : (chats[0]?.conversation.id ?? null);
    return {
      ...state,
      agent: frame.agent,
      client: frame.client,
      statuses: frame.statuses,
      offers: byWaitingSince(frame.offers),
      queues: frame.queues,
      chats,
      selected,
    };
  },
  rooms: (state, frame) => ({ ...state, rooms: frame.rooms, cannedReplies: frame.cannedReplies }),
  status: (state, frame) => ({ ...state, statuses: frame.statuses }),
  offer: (state, frame) => ({
    ...state,
    offers: byWaitingSince([...state.offers.filter((o) => o.conversationId !== frame.offer.conversationId), frame.offer]),
  }),
  offerWithdrawn: (state, frame) => ({ ...state, offers: state.offers.filter((o) => o.conversationId !== frame.conversationId) }),
  conversation(state, frame) {
    const { conversation } = frame;
    const offers = state.offers.filter((o) => o.conversationId !== conversation.id);
    const known = state.chats.some((c) => c.conversation.id === conversation.id);
    if (!known) {
      if (conversation.status !== 'active') return { ...state, offers };
      // The chat the agent just accepted here is the one they want to see.
      const mine = state.accepting === conversation.id;
      return {
        ...state,
        offers,
        chats: [...state.chats, newTab(conversation)],
        selected: mine ? conversation.id : (state.selected ?? conversation.id),
        accepting: mine ? null : state.accepting,
      };
    }
    return updateChat({ ...state, offers }, conversation.id, (chat) => ({
      ...chat,
      conversation,
      // Back in a queue (transferred, or given back): no longer this agent's to write in.
      detached: conversation.status === 'waiting',
      typing: conversation.status === 'ended' ? { active: false, draft: null } : chat.typing,
    }));
  },
  message(state, frame) {
    if (state.transcripts[frame.conversationId])
      return receiveTranscript(state, frame.conversationId, [frame.message], state.transcripts[frame.conversationId]!.complete);
    return updateChat(state, frame.conversationId, (chat) => receive(state, chat, [frame.message]));
  },
  history(state, frame) {
    if (state.transcripts[frame.conversationId]) return receiveTranscript(state, frame.conversationId, frame.messages, !frame.more);
    return updateChat(state, frame.conversationId, (chat) => receive(state, chat, frame.messages));
  },
  ack(state, frame) {
    return updateChat(state, frame.conversationId, (chat) => {
      const pending = chat.pending.find((p) => p.clientId === frame.clientId);
      if (pending?.kind !== 'text') return chat;
      const message: ChatMessage = {
        seq: frame.seq,
        clientId: frame.clientId,
        at: frame.at,
        kind: 'text',
        from: 'agent',
        text: pending.text,
        ...(state.agent ? { name: state.agent.name } : {}),
      };
      return receive(state, chat, [message]);
    });
  },
  typing: (state, frame) =>
    updateChat(state, frame.conversationId, (chat) => ({ ...chat, typing: { active: frame.active, draft: frame.active ? (frame.draft ?? null) : null } })),
  queue: (state, frame) => ({
    ...state,
    queues: state.queues.some((q) => q.room === frame.queue.room)
      ? state.queues.map((q) => (q.room === frame.queue.room ? frame.queue : q))
      : [...state.queues, frame.queue],
  }),
  preferences: (state, frame) => ({ ...state, preferences: { emailAlerts: frame.emailAlerts, emailAlertsAvailable: frame.emailAlertsAvailable } }),
  pastConversations: (state, frame) => ({
    ...state,
    past: { ...state.past, [frame.conversationId]: { conversations: frame.conversations, total: frame.total } },
  }),
  error(state, frame) {
    const ref = frame.ref ?? '';
    const owner = state.chats.find((c) => c.pending.some((p) => p.clientId === ref));
    if (owner && RETRIED.has(frame.code)) return state;
    if (owner) {
      return updateChat(state, owner.conversation.id, (chat) => ({
        ...chat,
        pending: chat.pending.map((p) => (p.clientId === ref ? { ...p, state: 'failed', error: frame.message } : p)),
      }));
    }
    if (state.offers.some((o) => o.conversationId === ref)) {
      const offers = state.offers.filter((o) => o.conversationId !== ref);
      return addNotice({ ...state, offers }, OFFER_REFUSALS[frame.code] ?? frame.message, 'info');
    }
    // Reading what is no longer ours (a chat handed back while we were away, an earlier chat) is answered quietly.
    if (frame.code === 'NOT_YOUR_CONVERSATION' && (state.transcripts[ref] || state.chats.some((c) => c.conversation.id === ref && c.detached))) return state;
    return addNotice(state, frame.message, 'error');
  },
};

/** The console's state after one server frame. Pure: the controller sends whatever follows from it. */
export function applyFrame(state: ConsoleState, frame: AgentServerFrame): ConsoleState {
  const handler = handlers[frame.type] as ((state: ConsoleState, frame: AgentServerFrame) => ConsoleState) | undefined;
  return handler ? handler(state, frame) : state;
}
