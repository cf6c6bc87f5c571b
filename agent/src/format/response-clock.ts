import type { ResponseClock } from '@parley/shared';

/** 42 s, 3 min 05 s. */
function span(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export type ClockState = 'normal' | 'warning' | 'breached';

/** Where a response clock stands at `now`, and what the console says of it. */
export function clockState(clock: ResponseClock, now: number): { state: ClockState; text: string } {
  const what = clock.kind === 'first' ? 'First reply' : 'Reply';
  if (now >= clock.dueAt) return { state: 'breached', text: `${what} overdue by ${span(now - clock.dueAt)}` };
  return { state: now >= clock.warnAt ? 'warning' : 'normal', text: `${what} due in ${span(clock.dueAt - now)}` };
}

/** Chats by urgency: those with a reply owed, soonest due first, then the others in their order. */
export function byUrgency<T extends { conversation: { responseClock: ResponseClock | null } }>(chats: readonly T[]): T[] {
  const owed = chats.filter((chat) => chat.conversation.responseClock !== null);
  owed.sort((a, b) => a.conversation.responseClock!.dueAt - b.conversation.responseClock!.dueAt);
  return [...owed, ...chats.filter((chat) => chat.conversation.responseClock === null)];
}
