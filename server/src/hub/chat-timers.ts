import type { ChatTimer } from '@parley/shared';
import type { ConversationRecord } from '../store/store.js';
import type { HubState } from './hub-state.js';
import type { OpenConversation } from './open-conversation.js';
import { agentIdleSince, toVisitorView, waitedTooLong } from './views.js';

/** What a timer does when it fires that belongs to other parts of the hub. */
export type ChatTimerActions = {
  /** Tells the chat the visitor is about to be cut off (an event both sides see and the history keeps). */
  warnVisitor(record: ConversationRecord): Promise<void>;
  /** Closes the chat for the visitor's silence. */
  closeForSilence(open: OpenConversation): Promise<void>;
};

/**
 * The room's timers on open chats (seed 000's "timer settings", most specific first): the longest
 * wait in the queue, then visitor and agent inactivity. One timer runs per chat, for whoever owes
 * the next move, and it is kept in the conversation's record: a restart arms it again from its
 * stored deadlines (`restore`), and one that fell due meanwhile fires at once.
 */
export class ChatTimers {
  constructor(
    private readonly s: HubState,
    private readonly actions: ChatTimerActions,
  ) {}

  /** The timer of `kind` from `since` under the room's settings, or null when the room sets none of its times. */
  timer(room: string, kind: ChatTimer['kind'], since: number): ChatTimer | null {
    const levels = this.s.serviceLevels(room);
    const [warnMs, escalateMs] =
      kind === 'wait'
        ? [levels.maxWaitMs, 0]
        : kind === 'visitor'
          ? [levels.visitorIdleWarningMs, levels.visitorIdleCloseMs]
          : [levels.agentIdleWarningMs, levels.agentIdleSupervisorMs];
    if (warnMs <= 0 && escalateMs <= 0) return null;
    const warnAt = warnMs > 0 ? since + warnMs : null;
    // A visitor's chat closes that long after the warning; the supervisor hears that long after the agent went quiet.
    const escalateAt = escalateMs <= 0 ? null : kind === 'visitor' ? (warnAt ?? since) + escalateMs : since + escalateMs;
    return { kind, since, warnAt, escalateAt, warned: false };
  }

  /** The record after a message stored in an active chat (the same record when nothing changes): whoever did not write owes the next move now. */
  next(record: ConversationRecord, from: 'visitor' | 'agent', at: number): ConversationRecord {
    if (record.status !== 'active') return record;
    const running = record.chatTimer ?? null;
    // The agent owes a reply since the visitor's first unanswered message, not their latest.
    if (from === 'visitor' && running?.kind === 'agent') return record;
    const next = this.timer(record.room, from === 'agent' ? 'visitor' : 'agent', at);
    return next === null && running === null ? record : { ...record, chatTimer: next };
  }

  /**
   * Makes this the record the hub holds, saves it in the chat's turn (one write for all a message
   * changed), tells its agent when what they see moved (the response clock, the idle warning) and
   * its visitor when the wait offer did, and arms the timer.
   */
  change(open: OpenConversation, record: ConversationRecord): void {
    const before = open.record;
    open.record = record;
    this.arm(open);
    const agentSees = agentIdleSince(before) !== agentIdleSince(record) || (before.responseClock ?? null) !== (record.responseClock ?? null);
    const visitorSees = waitedTooLong(before) !== waitedTooLong(record);
    void open
      .serial(async () => {
        await this.s.store.conversations.save(open.record);
        const current = open.record;
        if (agentSees && current.agentId) {
          this.s.showAgent(current.agentId, current);
        }
        if (visitorSees) this.s.notifier.toVisitor(current.visitorId, { type: 'conversation', conversation: toVisitorView(current, open.phase) });
      })
      .catch(() => {});
  }

  /** Sets the clock for the chat's timer's next step (none once it has nothing left to do). */
  arm(open: OpenConversation): void {
    open.chatTimerHandle?.cancel();
    open.chatTimerHandle = null;
    const timer = open.record.chatTimer;
    if (!timer || open.record.status === 'ended') return;
    const due = !timer.warned && timer.warnAt !== null ? timer.warnAt : timer.kind === 'visitor' ? timer.escalateAt : null;
    if (due === null) return;
    open.chatTimerHandle = this.s.clock.setTimer(Math.max(0, due - this.s.clock.now()), () => {
      open.chatTimerHandle = null;
      // Replaced or stopped meanwhile: a stale step does nothing.
      if (open.record.chatTimer === timer && open.record.status !== 'ended') this.fire(open, timer);
    });
  }

  /** Stops the chat's timer (it ended). */
  stop(open: OpenConversation): void {
    open.chatTimerHandle?.cancel();
    open.chatTimerHandle = null;
  }

  /** The visitor chose to keep waiting: the maximum wait counts again from now. */
  keepWaiting(open: OpenConversation): void {
    if (open.record.status !== 'waiting' || open.record.chatTimer?.kind !== 'wait') return;
    this.change(open, { ...open.record, chatTimer: this.timer(open.room, 'wait', this.s.clock.now()) });
  }

  /** Open chats of a room whose agent has been quiet past the supervisor's time: listed in the supervisor view. */
  quietAgents(room: string, now: number): { conversationId: string; agentName: string | null; since: number }[] {
    const found = [];
    for (const open of this.s.open.values()) {
      const timer = open.record.chatTimer;
      if (open.room === room && open.record.status === 'active' && timer?.kind === 'agent' && timer.escalateAt !== null && timer.escalateAt <= now) {
        found.push({ conversationId: open.id, agentName: open.record.agentName, since: timer.since });
      }
    }
    return found.sort((a, b) => a.since - b.since);
  }

  private fire(open: OpenConversation, timer: ChatTimer): void {
    if (timer.warned || timer.warnAt === null) {
      // Only a visitor's timer has a step after the warning: the close.
      void this.actions.closeForSilence(open).catch(() => {});
      return;
    }
    this.change(open, { ...open.record, chatTimer: { ...timer, warned: true } });
    if (timer.kind === 'visitor') void this.actions.warnVisitor(open.record).catch(() => {});
  }
}
