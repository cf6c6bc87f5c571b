import type { AgentRoomSettings } from '@parley/shared';
import type { ChatTab, ConsoleState, PendingMessage } from './console-state.js';

/*
 * Changes the agent makes by themselves, as pure functions of the state (the controller sends
 * the frames that go with them).
 */

/**
 * Shows a chat. Moving away from an ended chat that owes nothing (its result code, where the room
 * has a plan; its lead choice, where the room has a CRM list) closes it: ended tabs do not linger.
 */
export function selectChat(state: ConsoleState, id: string): ConsoleState {
  if (!state.chats.some((c) => c.conversation.id === id)) return state;
  const kept = state.chats.filter((c) => c.conversation.id === id || c.conversation.id !== state.selected || !isSettled(c, state.rooms));
  return { ...state, selected: id, chats: kept.map((c) => (c.conversation.id === id && c.unread > 0 ? { ...c, unread: 0 } : c)) };
}

/** Whether a chat is over for this agent, with nothing left to give: no longer theirs, or ended with its result and lead choice made. */
export function isSettled(chat: ChatTab, rooms: readonly AgentRoomSettings[]): boolean {
  if (chat.detached) return true;
  if (chat.conversation.status !== 'ended') return false;
  const room = rooms.find((r) => r.name === chat.conversation.room);
  const owesResult = !!room && room.resultCodes.length > 0 && chat.conversation.disposition === null;
  const owesLead = !!room && room.crmSelection.length > 0 && chat.conversation.lead === null;
  return !owesResult && !owesLead;
}

/** The agent asked to accept this offer: its chat is shown once it is theirs. */
export function markAccepting(state: ConsoleState, conversationId: string): ConsoleState {
  return { ...state, accepting: conversationId };
}

/** The console's page went to the background or came back; coming back reads the shown chat. */
export function setPageHidden(state: ConsoleState, hidden: boolean): ConsoleState {
  if (state.pageHidden === hidden) return state;
  const next = { ...state, pageHidden: hidden };
  return hidden || state.selected === null ? next : selectChat(next, state.selected);
}

/** The tab after the selected one, wrapping around (the "next tab" shortcut). */
export function nextChatId(state: ConsoleState): string | null {
  if (state.chats.length === 0) return null;
  const index = state.chats.findIndex((c) => c.conversation.id === state.selected);
  return state.chats[(index + 1) % state.chats.length]!.conversation.id;
}

export function addPending(state: ConsoleState, conversationId: string, pending: PendingMessage): ConsoleState {
  return {
    ...state,
    chats: state.chats.map((c) =>
      c.conversation.id === conversationId ? { ...c, pending: [...c.pending.filter((p) => p.clientId !== pending.clientId), pending] } : c,
    ),
  };
}

export function updatePending(state: ConsoleState, clientId: string, change: Partial<PendingMessage> | null): ConsoleState {
  return {
    ...state,
    chats: state.chats.map((c) =>
      c.pending.some((p) => p.clientId === clientId)
        ? {
            ...c,
            pending:
              change === null ? c.pending.filter((p) => p.clientId !== clientId) : c.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)),
          }
        : c,
    ),
  };
}

/** Closes the tab of a chat that has ended (an open chat is ended first, never just hidden). */
export function closeChat(state: ConsoleState, id: string): ConsoleState {
  const index = state.chats.findIndex((c) => c.conversation.id === id);
  const chat = state.chats[index];
  if (!chat || (chat.conversation.status !== 'ended' && !chat.detached)) return state;
  const chats = state.chats.filter((c) => c !== chat);
  const selected = state.selected === id ? (chats[Math.min(index, chats.length - 1)]?.conversation.id ?? null) : state.selected;
  return { ...state, chats, selected };
}

/** Starts keeping a transcript of an earlier conversation; the history frames that answer the sync fill it. */
export function openTranscript(state: ConsoleState, id: string): ConsoleState {
  if (state.transcripts[id]) return state;
  return { ...state, transcripts: { ...state.transcripts, [id]: { messages: [], complete: false } } };
}
