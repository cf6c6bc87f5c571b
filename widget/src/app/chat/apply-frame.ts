import type { ChatMessage, VisitorConversationView, VisitorServerFrame } from '@parley/shared';
import { mergeMessages } from '@parley/shared/client';
import { ErrorCode } from '@parley/shared/codes';
import type { ChatState, EmailKind } from './chat-state.js';

/** What the state cannot know but a frame's effect depends on. */
export type FrameContext = {
  /** Whether the visitor can see the page now: messages that arrive then are not unread. */
  visible: boolean;
  /** The embed code's launcher side, which wins over the room's (its settings may change while the page is open). */
  launcherPosition?: 'left' | 'right' | null;
};

type FrameOf<T extends VisitorServerFrame['type']> = Extract<VisitorServerFrame, { type: T }>;
type Handlers = { [T in VisitorServerFrame['type']]: (state: ChatState, frame: FrameOf<T>, context: FrameContext) => ChatState };

/** Refusals after which a message is shown as not sent and not tried again (the others are retried). */
const RETRIED = new Set<string>([ErrorCode.RATE_LIMITED, ErrorCode.INTERNAL, ErrorCode.UNAVAILABLE]);

/**
 * Shows `conversation`: a different one starts with an empty window (what the visitor had not
 * sent there is forgotten); an old one's news never replaces an open one.
 */
export function showConversation(state: ChatState, conversation: VisitorConversationView): ChatState {
  const shown = state.conversation;
  let next = state;
  if (shown?.id !== conversation.id) {
    if (shown && shown.status !== 'ended' && conversation.status === 'ended') return state;
    next = {
      ...state,
      messages: [],
      pending: state.pending.filter((p) => p.conversationId === conversation.id),
      uploads: [],
      queuePosition: null,
      agentTyping: false,
    };
  }
  return {
    ...next,
    conversation,
    starting: false,
    startProblem: null,
    ...(conversation.status !== 'waiting' ? { queuePosition: null } : {}),
    ...(conversation.status === 'ended' ? { agentTyping: false } : {}),
  };
}

/**
 * Adds stored messages, each once, and settles the local copies of the visitor's own. `live`
 * ones (not history) are news: screen readers announce them, and the agent's count as unread
 * while the visitor is not looking.
 */
export function addMessages(state: ChatState, messages: readonly ChatMessage[], live: boolean, context: FrameContext): ChatState {
  const before = state.messages;
  const merged = mergeMessages(before, messages);
  const settled = new Set(messages.map((m) => m.clientId));
  const pending = state.pending.filter((p) => !settled.has(p.clientId));
  if (merged === before && pending.length === state.pending.length) return state;
  const known = new Set(before.map((m) => m.seq));
  const fresh = live ? messages.filter((m) => !known.has(m.seq)) : [];
  const unseen = fresh.filter((m) => m.kind !== 'event' && m.from === 'agent').length;
  const looking = state.open && context.visible;
  return {
    ...state,
    messages: merged,
    pending,
    ...(unseen > 0 && !looking ? { unread: state.unread + unseen } : {}),
    ...(fresh.length > 0 ? { news: { serial: state.news.serial + 1, messages: fresh } } : {}),
  };
}

/** The email request a client id belongs to, while it waits for the server's answer. */
function waitingEmail(state: ChatState, clientId: string | undefined): EmailKind | undefined {
  return (Object.keys(state.email) as EmailKind[]).find((kind) => state.email[kind]?.clientId === clientId && state.email[kind]?.state === 'sending');
}

const isShown = (state: ChatState, conversationId: string) => conversationId === state.conversation?.id;

const handlers: Handlers = {
  welcome(state, frame) {
    if (frame.conversation) return showConversation(state, frame.conversation);
    const shown = state.conversation;
    // It ended while this page was away: its history (with the end) is still the visitor's to read.
    if (shown && shown.status !== 'ended') return showConversation(state, { ...shown, status: 'ended' });
    // Nothing open on the server (it ended while no page was open, or the session expired and this is a new visitor): nothing to resend.
    if (!shown) return { ...state, pending: [] };
    return state;
  },
  conversation: (state, frame) => showConversation(state, frame.conversation),
  queue: (state, frame) => (isShown(state, frame.conversationId) ? { ...state, queuePosition: frame.position } : state),
  ack(state, frame, context) {
    const sent = state.pending.find((p) => p.clientId === frame.clientId);
    if (!sent || !isShown(state, frame.conversationId)) return state;
    return addMessages(state, [{ seq: frame.seq, clientId: frame.clientId, at: frame.at, kind: 'text', from: 'visitor', text: sent.text }], true, context);
  },
  message: (state, frame, context) => (isShown(state, frame.conversationId) ? addMessages(state, [frame.message], true, context) : state),
  history: (state, frame, context) => (isShown(state, frame.conversationId) ? addMessages(state, frame.messages, false, context) : state),
  typing: (state, frame) => (isShown(state, frame.conversationId) ? { ...state, agentTyping: frame.active } : state),
  availability: (state, frame) => ({ ...state, available: frame.available }),
  settings: (state, frame, context) => ({
    ...state,
    settings: context.launcherPosition ? { ...frame.settings, launcherPosition: context.launcherPosition } : frame.settings,
    available: frame.settings.available,
  }),
  emailQueued(state, frame) {
    const kind = waitingEmail(state, frame.clientId);
    return kind ? { ...state, email: { ...state.email, [kind]: { clientId: frame.clientId, state: 'queued', to: frame.to, problem: null } } } : state;
  },
  error(state, frame) {
    const kind = waitingEmail(state, frame.ref);
    if (kind) return { ...state, email: { ...state.email, [kind]: { clientId: frame.ref!, state: 'refused', to: null, problem: frame.code } } };
    if (frame.code === ErrorCode.FORM_INVALID || frame.code === ErrorCode.ROOM_UNAVAILABLE || (state.starting && frame.ref === 'start')) {
      return { ...state, starting: false, startProblem: { code: frame.code, message: frame.message } };
    }
    // Refused for good (the chat ended, the text is invalid): shown as not sent, not retried.
    if (RETRIED.has(frame.code) || !state.pending.some((p) => p.clientId === frame.ref)) return state;
    return { ...state, pending: state.pending.map((p) => (p.clientId === frame.ref ? { ...p, failed: true } : p)) };
  },
};

/** The chat's state after one server frame. Pure: the controller does what follows (storage, the host page's events, syncs). */
export function applyFrame(state: ChatState, frame: VisitorServerFrame, context: FrameContext): ChatState {
  const handler = handlers[frame.type] as ((state: ChatState, frame: VisitorServerFrame, context: FrameContext) => ChatState) | undefined;
  return handler ? handler(state, frame, context) : state;
}
