import {
  type AgentConversationView,
  type ClientKind,
  type ConversationEvent,
  type EndedBy,
  ErrorCode,
  type FormAnswers,
  type VisitorConversationView,
} from '@parley/shared';
import type { RoomConfig } from '@parley/shared/settings';
import type { RoomEntry } from '../config/directory.js';
import type { Party } from '../core/party.js';
import { randomId } from '../core/random-id.js';
import { Refusal } from '../core/refusal.js';
import type { ConversationRecord } from '../store/store.js';
import { access } from './access.js';
import type { AgentState } from './agent-state.js';
import type { ChatTimers } from './chat-timers.js';
import type { Dispositions } from './dispositions.js';
import type { HubState } from './hub-state.js';
import type { Messaging } from './messaging.js';
import type { OfferRouter } from './offer-router.js';
import { OpenConversation } from './open-conversation.js';
import { type ResponseClocks, withClock } from './response-clocks.js';
import { statusAfterAccept, statusAfterEnd } from './status-rules.js';
import { toAgentView, toVisitorView, waitedTooLong } from './views.js';

/** How long a waiting conversation stays offered after its visitor's last page closed: a reload or a click to another page comes back well within it. */
const OFFERED_WHILE_AWAY_MS = 10_000;

export type StartRequest = {
  visitorId: string;
  entry: RoomEntry;
  form: FormAnswers;
  context: AgentConversationView['context'];
  /** The connection that asked (its reference); it gets its answer directly rather than through the notifier. */
  origin?: string;
};

/** The record of a conversation that waits for an agent again. */
export function waitingAgain(record: ConversationRecord): ConversationRecord {
  return { ...record, status: 'waiting', agentId: null, agentName: null, servedFrom: null, acceptedAt: null, responseClock: null, chatTimer: null };
}

/**
 * A conversation's life: started by a visitor, accepted by one agent, ended by either (or by the
 * server when the visitor abandons the queue), put back in the queue when its agent leaves. Each
 * step is written to the store before anyone is told, and steps of one conversation never interleave.
 */
export class Lifecycle {
  /** Starts in flight per visitor and room, so two tabs starting at once get the same conversation. */
  private readonly starting = new Map<string, Promise<VisitorConversationView>>();

  constructor(
    private readonly s: HubState,
    private readonly router: OfferRouter,
    private readonly messaging: Messaging,
    /** Result codes and wrap-up after a chat. */
    readonly dispositions: Dispositions,
    /** Response targets. */
    readonly clocks: ResponseClocks,
    /** Maximum wait and inactivity. */
    readonly timers: ChatTimers,
  ) {}

  /** The visitor's open conversation in a room, if any. */
  openFor(visitorId: string, room: string): OpenConversation | undefined {
    return this.s.openByVisitor.get(visitorId)?.find((c) => c.room === room);
  }

  visitorView(conversation: OpenConversation): VisitorConversationView {
    return toVisitorView(conversation.record, conversation.phase);
  }

  start(request: StartRequest): Promise<VisitorConversationView> {
    const key = `${request.entry.room.name}\u0000${request.visitorId}`;
    const inFlight = this.starting.get(key);
    if (inFlight) return inFlight;
    const started = this.doStart(request).finally(() => this.starting.delete(key));
    this.starting.set(key, started);
    return started;
  }

  private async doStart({ visitorId, entry, form, context, origin }: StartRequest): Promise<VisitorConversationView> {
    const room = entry.room;
    const existing = this.openFor(visitorId, room.name);
    if (existing) return this.visitorView(existing);

    let phase: OpenConversation['phase'] = 'everyone';
    let preferred: string | null = null;
    const reopened = entry.privateFor === null ? await this.reopenable(visitorId, room) : null;
    if (reopened) {
      // Back to the agent who had it, alone at first (as in a sticky room), if they are here.
      const previous = this.s.agent(reopened.agentId);
      if (previous?.isConnected() && previous.profile.rooms.includes(room.name)) {
        phase = 'sticky';
        preferred = previous.id;
      }
    } else if (entry.privateFor !== null) {
      phase = 'private';
      preferred = entry.privateFor;
    } else if (room.routing === 'sticky') {
      const previous = await this.previousAgent(visitorId, room.name);
      // Sticky: the previous agent first, alone; if they are offline, everyone at once.
      if (previous?.isConnected()) {
        phase = 'sticky';
        preferred = previous.id;
      }
    }
    const now = this.s.clock.now();
    const fresh: ConversationRecord = {
      id: randomId(),
      room: room.name,
      visitorId,
      status: 'waiting',
      privateFor: entry.privateFor,
      agentId: null,
      agentName: null,
      servedFrom: null,
      form,
      context,
      createdAt: now,
      acceptedAt: null,
      endedAt: null,
      endedBy: null,
      lastSeq: 0,
      // Only a chat's first wait is timed: one an agent already served goes back to the queue without a maximum.
      chatTimer: this.timers.timer(room.name, 'wait', now),
    };
    // A reopened conversation keeps its id, history, notes and earlier answers; it waits from now.
    const record: ConversationRecord = reopened
      ? {
          ...reopened,
          ...waitingAgain(reopened),
          form: { ...reopened.form, ...form },
          context,
          createdAt: now,
          endedAt: null,
          endedBy: null,
          disposition: null,
          chatTimer: fresh.chatTimer,
        }
      : fresh;
    await this.s.store.conversations.save(record);
    this.s.today.started(room.name, now);
    const conversation = new OpenConversation(record, this.s.nextArrival(), phase, preferred);
    this.s.trackOpen(conversation);
    this.timers.arm(conversation);
    if (phase === 'sticky') {
      conversation.stickyTimer = this.s.clock.setTimer(room.stickyTimeoutSeconds * 1000, () => this.openToEveryone(conversation));
    }
    const view = this.visitorView(conversation);
    this.s.notifier.toVisitor(visitorId, { type: 'conversation', conversation: view }, origin);
    this.router.enqueue(conversation);
    if (!this.s.isVisitorOnline(visitorId)) this.startAbandonTimer(conversation);
    return view;
  }

  /** The visitor's last conversation in the room, if the room reopens it: ended within `reopenWithinDays`. */
  private async reopenable(visitorId: string, room: RoomConfig): Promise<ConversationRecord | null> {
    if (room.reopenWithinDays <= 0) return null;
    const last = (await this.s.store.conversations.find({ visitorId, room: room.name })).at(-1);
    if (last?.status !== 'ended' || last.endedAt === null) return null;
    return last.endedAt >= this.s.clock.now() - room.reopenWithinDays * 24 * 3600 * 1000 ? last : null;
  }

  private async previousAgent(visitorId: string, room: string): Promise<AgentState | undefined> {
    const past = await this.s.store.conversations.find({ visitorId, room });
    for (let i = past.length - 1; i >= 0; i--) {
      const agent = this.s.agent(past[i]!.agentId);
      if (agent) return agent.profile.rooms.includes(room) ? agent : undefined;
    }
    return undefined;
  }

  /** "Ask All Agents": stop waiting for the previous agent alone. */
  async askAll(visitorId: string, conversationId: string): Promise<VisitorConversationView> {
    const { open } = await access(this.s, { kind: 'visitor', visitorId }, conversationId);
    if (open?.record.status !== 'waiting') throw new Refusal(ErrorCode.NOT_ALLOWED, 'The conversation is no longer waiting.');
    if (this.s.room(open.room).config.routing !== 'sticky') {
      throw new Refusal(ErrorCode.NOT_ALLOWED, 'This room already offers every chat to all agents.');
    }
    this.openToEveryone(open);
    return this.visitorView(open);
  }

  private openToEveryone(conversation: OpenConversation): void {
    if (conversation.phase !== 'sticky' || conversation.record.status !== 'waiting') return;
    this.router.openToEveryone(conversation);
    this.s.notifier.toVisitor(conversation.record.visitorId, { type: 'conversation', conversation: this.visitorView(conversation) });
  }

  accept(agentId: string, client: ClientKind, conversationId: string): Promise<AgentConversationView> {
    const agent = this.s.agent(agentId);
    const conversation = this.s.open.get(conversationId);
    if (!agent || !conversation) return this.refuseAccept(agentId, conversationId);
    if (conversation.record.agentId === agent.id) return Promise.resolve(this.agentView(conversation));
    if (conversation.claiming !== null && conversation.claiming !== agent.id) {
      return Promise.reject(new Refusal(ErrorCode.ALREADY_TAKEN, 'Another agent accepted this chat first.'));
    }
    if (!conversation.isOfferedTo(agent.id)) {
      // An accept that lands just after another agent's (a moment later, or from another node) is
      // told why the offer went away, not only that it did.
      if (conversation.record.status === 'active') return Promise.reject(new Refusal(ErrorCode.ALREADY_TAKEN, 'Another agent accepted this chat first.'));
      return Promise.reject(new Refusal(ErrorCode.NOT_OFFERED, 'This chat is not offered to you any more.'));
    }
    // Claimed synchronously here, so a second accept in the same tick is refused at once.
    conversation.claiming = agent.id;
    return conversation.serial(async () => {
      try {
        if (conversation.record.status === 'ended') throw new Refusal(ErrorCode.CONVERSATION_ENDED, 'The visitor has left.');
        const claimed = await this.s.store.conversations.claim(conversation.id, { id: agent.id, name: agent.profile.name, client }, this.s.clock.now());
        if (!claimed) {
          throw new Refusal(ErrorCode.ALREADY_TAKEN, 'Another agent accepted this chat first.');
        }
        conversation.record = { ...claimed, lastSeq: Math.max(claimed.lastSeq, conversation.record.lastSeq) };
        conversation.transfer = null;
        // The first reply is owed from now, if the room sets a target; the agent's inactivity counts from now too.
        const acceptedAt = claimed.acceptedAt ?? this.s.clock.now();
        const clock = this.clocks.clock(claimed.room, 'first', acceptedAt);
        const timer = this.timers.timer(claimed.room, 'agent', acceptedAt);
        if (clock || timer || conversation.record.chatTimer) {
          conversation.record = { ...withClock(conversation.record, clock, this.s.clock.now()), chatTimer: timer };
          await this.s.store.conversations.save(conversation.record);
        }
        this.timers.arm(conversation);
        this.s.today.accepted(claimed.room, claimed.createdAt, claimed.acceptedAt ?? this.s.clock.now());
      } finally {
        conversation.claiming = null;
      }
      const losers = this.router.dequeue(conversation, 'taken', agent);
      if (!agent.isSignedIn()) {
        // Signed out while the claim was on its way: the sign-out had no chat of theirs to give
        // back yet, so this one goes back now, to its place, rather than stay with nobody.
        await this.requeue(conversation, agent);
        for (const loser of losers) this.router.agentFreed(loser);
        throw new Refusal(ErrorCode.NOT_ALLOWED, 'You signed out while accepting: the chat went back to the queue.');
      }
      const room = this.s.room(conversation.room).config;
      agent.addActive(conversation);
      this.s.changeStatuses(agent, () => {
        const presence = agent.clients[client];
        if (presence) presence.status = statusAfterAccept(room, agent);
      });
      this.router.refreshFree(agent);
      // Only a ready agent holds offers: one who is now serving lets the others go elsewhere.
      if (agent.tier() === null) this.router.agentUnavailable(agent);
      this.s.notifier.toVisitor(conversation.record.visitorId, { type: 'conversation', conversation: this.visitorView(conversation) });
      this.s.notifier.toAgent(agent.id, { type: 'conversation', conversation: this.agentView(conversation) });
      await this.messaging.event(conversation.record, 'agent-joined', agent.profile.name);
      for (const loser of losers) this.router.agentFreed(loser);
      this.router.agentFreed(agent);
      return this.agentView(conversation);
    });
  }

  /**
   * Puts a conversation its agent no longer serves back in the queue, at the place it first
   * arrived; `announce` tells the chat (an "agent left" event) once the record is saved. The
   * caller holds the conversation's turn (`serial`).
   */
  async requeue(conversation: OpenConversation, agent: AgentState, announce?: () => Promise<void>): Promise<void> {
    const requeued = waitingAgain(conversation.record);
    await this.s.store.conversations.save(requeued);
    agent.removeActive(conversation);
    conversation.record = requeued;
    conversation.phase = requeued.privateFor !== null ? 'private' : 'everyone';
    conversation.preferredAgent = requeued.privateFor;
    this.s.notifier.toVisitor(requeued.visitorId, { type: 'conversation', conversation: this.visitorView(conversation) });
    await announce?.();
    this.router.enqueue(conversation);
    if (!this.s.isVisitorOnline(requeued.visitorId)) this.startAbandonTimer(conversation);
  }

  private async refuseAccept(agentId: string, conversationId: string): Promise<never> {
    const record = await this.s.store.conversations.get(conversationId);
    if (record?.status === 'ended') throw new Refusal(ErrorCode.CONVERSATION_ENDED, 'The visitor has left.');
    if (record?.agentId && record.agentId !== agentId) throw new Refusal(ErrorCode.ALREADY_TAKEN, 'Another agent accepted this chat first.');
    throw new Refusal(ErrorCode.NOT_OFFERED, 'This chat is not offered to you.');
  }

  /** Ends a conversation for `party`; ending one that has already ended is a no-op. */
  async end(party: Party, conversationId: string): Promise<void> {
    const { record, open } = await access(this.s, party, conversationId);
    if (record.status === 'ended' || !open) return;
    if (party.kind === 'agent' && record.agentId !== party.agentId) {
      throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'Only the agent serving this chat can end it.');
    }
    await this.finish(open, party.kind);
  }

  /**
   * A waiting conversation whose visitor has no page open: after a moment (longer than a page
   * load or a click to another page of the site) it is offered to nobody, so agents are not kept
   * ringing for a closed tab; it keeps its place and is offered again if a page comes back. It
   * leaves the queue for good unless one comes back within the reconnect grace period.
   */
  startAbandonTimer(conversation: OpenConversation): void {
    const gone = () => conversation.record.status === 'waiting' && !this.s.isVisitorOnline(conversation.record.visitorId);
    conversation.abandonTimer?.cancel();
    conversation.abandonTimer = this.s.clock.setTimer(this.s.settings.visitorReconnectGraceMs, () => {
      conversation.abandonTimer = null;
      if (gone()) void this.finish(conversation, 'system');
    });
    conversation.awayTimer?.cancel();
    conversation.awayTimer = this.s.clock.setTimer(Math.min(OFFERED_WHILE_AWAY_MS, this.s.settings.visitorReconnectGraceMs), () => {
      conversation.awayTimer = null;
      if (!gone() || conversation.parked) return;
      conversation.parked = true;
      const freed = this.router.dequeue(conversation, 'away');
      for (const agent of freed) this.router.agentFreed(agent);
    });
  }

  /** A page of the visitor is back: their waiting conversation stays, and is offered again if it was put aside. */
  private stopAbandonTimer(conversation: OpenConversation): void {
    conversation.abandonTimer?.cancel();
    conversation.abandonTimer = null;
    conversation.awayTimer?.cancel();
    conversation.awayTimer = null;
    if (!conversation.parked) return;
    conversation.parked = false;
    if (conversation.record.status !== 'waiting') return;
    // Back in line where it first arrived; a sticky wait or a transfer's reservation is over by now.
    conversation.phase = conversation.record.privateFor !== null ? 'private' : 'everyone';
    conversation.preferredAgent = conversation.record.privateFor;
    this.router.enqueue(conversation);
  }

  /** The visitor's last page closed: waiting conversations leave the queue unless a page comes back in time. */
  visitorWentAway(visitorId: string): void {
    for (const conversation of this.s.openByVisitor.get(visitorId) ?? []) {
      if (conversation.record.status === 'waiting') this.startAbandonTimer(conversation);
      else this.tellAgent(conversation);
    }
  }

  visitorCameBack(visitorId: string): void {
    for (const conversation of this.s.openByVisitor.get(visitorId) ?? []) {
      this.stopAbandonTimer(conversation);
      if (conversation.record.status === 'active') this.tellAgent(conversation);
    }
  }

  /** The visitor did not answer after the inactivity warning: the chat closes as if they had left, with a note saying why. */
  closeForSilence(conversation: OpenConversation): Promise<void> {
    return this.finish(conversation, 'visitor', 'idle-closed');
  }

  /** The visitor chose to keep waiting after the maximum wait passed. */
  async keepWaiting(visitorId: string, conversationId: string): Promise<VisitorConversationView> {
    const open = this.s.open.get(conversationId);
    if (!open || open.record.visitorId !== visitorId || open.record.status !== 'waiting') {
      throw new Refusal(ErrorCode.NOT_ALLOWED, 'The conversation is no longer waiting.');
    }
    this.timers.keepWaiting(open);
    return this.visitorView(open);
  }

  /** The visitor left an email message instead of waiting on (offered after the maximum wait): their waiting chat ends. */
  async messageLeft(visitorId: string, room: string): Promise<void> {
    const open = this.openFor(visitorId, room);
    if (open && waitedTooLong(open.record)) await this.finish(open, 'visitor');
  }

  private finish(conversation: OpenConversation, endedBy: EndedBy, event?: ConversationEvent): Promise<void> {
    return conversation.serial(async () => {
      if (conversation.record.status === 'ended') return;
      const wasWaiting = conversation.record.status === 'waiting';
      const now = this.s.clock.now();
      const ended: ConversationRecord = { ...withClock(conversation.record, null, now), status: 'ended', endedAt: now, endedBy, chatTimer: null };
      this.timers.stop(conversation);
      await this.s.store.conversations.save(ended);
      conversation.record = ended;
      conversation.abandonTimer?.cancel();
      conversation.awayTimer?.cancel();
      this.s.untrackOpen(conversation);
      const freed = wasWaiting ? this.router.dequeue(conversation, 'ended') : [];
      const agent = this.s.agent(ended.agentId);
      if (agent && !wasWaiting) {
        const owed = this.dispositions.chatEnded(agent, ended);
        this.release(agent, conversation, endedBy);
        await owed;
      }
      this.s.notifier.toVisitor(ended.visitorId, { type: 'conversation', conversation: this.visitorView(conversation) });
      if (agent) this.tellAgent(conversation);
      const told = event ?? (endedBy === 'visitor' ? 'visitor-ended' : endedBy === 'agent' ? 'agent-ended' : 'abandoned');
      await this.messaging.event(ended, told, endedBy === 'agent' ? (ended.agentName ?? undefined) : undefined);
      for (const other of freed) this.router.agentFreed(other);
      if (agent) this.router.agentFreed(agent);
    });
  }

  /** The agent no longer holds the conversation: their status moves on and a slot frees up. */
  private release(agent: AgentState, conversation: OpenConversation, endedBy: EndedBy): void {
    agent.removeActive(conversation);
    const client = conversation.record.servedFrom;
    const room = this.s.room(conversation.room).config;
    this.s.changeStatuses(agent, () => {
      const presence = client ? agent.clients[client] : null;
      if (client && presence) presence.status = this.dispositions.afterEnd(agent, statusAfterEnd(room, agent, client, presence.status, endedBy), endedBy);
    });
    this.router.refreshFree(agent);
  }

  agentView(conversation: OpenConversation): AgentConversationView {
    return toAgentView(conversation.record, this.s.isVisitorOnline(conversation.record.visitorId));
  }

  private tellAgent(conversation: OpenConversation): void {
    const agentId = conversation.record.agentId;
    if (agentId !== null) this.s.notifier.toAgent(agentId, { type: 'conversation', conversation: this.agentView(conversation) });
  }
}
