import type { ConsoleState, Notice } from './console-state.js';

/** Notices shown at once; older ones make way. */
const MAX_NOTICES = 3;

export function addNotice(state: ConsoleState, text: string, tone: Notice['tone']): ConsoleState {
  const id = (state.notices[state.notices.length - 1]?.id ?? 0) + 1;
  return { ...state, notices: [...state.notices, { id, text, tone }].slice(-MAX_NOTICES) };
}

export function dismissNotice(state: ConsoleState, id: number): ConsoleState {
  return { ...state, notices: state.notices.filter((n) => n.id !== id) };
}
