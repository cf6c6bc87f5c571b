import type { ResponseClock } from '@parley/shared';
import type { ConversationRecord } from '../store/store.js';
import type { HubState } from './hub-state.js';

/**
 * The record with `next` as its running clock (null: none) from `at`: a clock that stops (or is
 * replaced) after its due time marks the chat's service level breached for good.
 */
export function withClock(record: ConversationRecord, next: ResponseClock | null, at: number): ConversationRecord {
  const running = record.responseClock ?? null;
  let serviceLevel = record.serviceLevel;
  if (running && running !== next && at > running.dueAt) serviceLevel = 'breached';
  else if ((running ?? next) && !serviceLevel) serviceLevel = 'met';
  return { ...record, responseClock: next, ...(serviceLevel ? { serviceLevel } : {}) };
}

/**
 * Response targets (SLAs) as clocks on open chats: the first reply is owed from the accept, the
 * next one from each visitor message the agent has not answered yet. A clock is kept in the
 * conversation's record, so a restart keeps its deadline; the console shows it (normal, warning,
 * breached, by its own clock) and the supervisor view lists breaches.
 */
export class ResponseClocks {
  constructor(private readonly s: HubState) {}

  /** The clock of this kind for the room, starting at `since`, or null when its target is off. */
  clock(room: string, kind: ResponseClock['kind'], since: number): ResponseClock | null {
    const levels = this.s.serviceLevels(room);
    const ms = kind === 'first' ? levels.firstResponseMs : levels.nextResponseMs;
    if (ms <= 0) return null;
    return { kind, since, warnAt: since + Math.round((ms * levels.warningPercent) / 100), dueAt: since + ms };
  }

  /**
   * The record after a message stored in an open chat (the same record when nothing changes): the
   * agent's stops the clock (their first one is kept for reports), a visitor's starts the next one
   * if none runs. Saved by the caller, with whatever else the message changed, in one write.
   */
  next(record: ConversationRecord, from: 'visitor' | 'agent', at: number): ConversationRecord {
    if (record.status !== 'active') return record;
    const answered = from === 'agent' && record.firstResponseAt == null ? { ...record, firstResponseAt: at } : record;
    const running = record.responseClock ?? null;
    const next = from === 'agent' ? null : (running ?? this.clock(record.room, 'next', at));
    return next === running ? answered : withClock(answered, next, at);
  }

  /** Open chats of a room whose clock is past due now: the supervisor's breaches. */
  breaches(room: string, now: number): { conversationId: string; agentName: string | null; kind: ResponseClock['kind']; dueAt: number }[] {
    const found = [];
    for (const open of this.s.open.values()) {
      const clock = open.record.responseClock;
      if (open.room === room && open.record.status === 'active' && clock && clock.dueAt <= now) {
        found.push({ conversationId: open.id, agentName: open.record.agentName, kind: clock.kind, dueAt: clock.dueAt });
      }
    }
    return found.sort((a, b) => a.dueAt - b.dueAt);
  }
}
