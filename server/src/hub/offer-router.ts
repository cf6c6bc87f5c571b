import type { ClientKind } from '@parley/shared';
import type { AgentState } from './agent-state.js';
import type { HubState } from './hub-state.js';
import type { OpenConversation } from './open-conversation.js';
import type { RoomQueue } from './room-queue.js';
import { toOfferView } from './views.js';

type WithdrawReason = 'taken' | 'timeout' | 'ended' | 'unavailable' | 'accepted' | 'away';

/**
 * Decides who is offered what, on every event that can change the answer (a visitor arrives, an
 * agent frees up, an offer times out, a sticky wait ends); there is no polling cycle.
 *
 * Rules, in order:
 * - A conversation reserved for one agent (private room, sticky phase) is offered to that agent only.
 * - A conversation open to everyone is offered at once to every free browser agent of the room; to
 *   free mobile-only agents when there is no free browser agent and the room includes mobile staff.
 * - An agent who frees up takes, in order: the oldest conversation reserved for them; the oldest
 *   one nobody is offered; or joins the offer of the head of the queue.
 * An agent's capacity counts chats held and offers pending, so an agent with room for one chat is
 * offered the oldest waiting chat only and cannot pick a later one over it.
 */
export class OfferRouter {
  constructor(private readonly s: HubState) {}

  /** Updates the room free-lists for this agent; call after anything that changes their tier or slots. */
  refreshFree(agent: AgentState): void {
    const tier = agent.tier();
    for (const name of agent.profile.rooms) {
      const room = this.s.rooms.get(name);
      if (!room) continue;
      const free = tier !== null && agent.freeSlots(name) > 0;
      if (free && tier === 'browser') room.freeBrowser.add(agent);
      else room.freeBrowser.delete(agent);
      if (free && tier === 'mobile') room.freeMobile.add(agent);
      else room.freeMobile.delete(agent);
      const ready = tier !== null && this.tierAllowed(room, tier);
      if (ready !== room.ready.has(agent)) {
        if (ready) room.ready.add(agent);
        else room.ready.delete(agent);
        this.s.notifier.readyAgentsChanged(name);
      }
    }
  }

  /** Puts a new (or requeued) waiting conversation in line and offers it. */
  enqueue(conversation: OpenConversation): void {
    const room = this.s.room(conversation.room);
    room.add(conversation);
    if (conversation.phase === 'everyone') room.openToEveryone(conversation);
    else this.reserve(conversation);
    this.route(conversation);
    this.s.notifier.queueChanged(room.name);
  }

  /** Takes a conversation out of line (accepted or ended); returns the agents whose offer was withdrawn. */
  dequeue(conversation: OpenConversation, reason: WithdrawReason, except?: AgentState): AgentState[] {
    conversation.stickyTimer?.cancel();
    conversation.stickyTimer = null;
    this.unreserve(conversation);
    this.s.room(conversation.room).remove(conversation);
    const withdrawn = this.withdrawAll(conversation, reason, except);
    this.s.notifier.queueChanged(conversation.room);
    return withdrawn;
  }

  /** Offers a waiting conversation to whoever may have it now. */
  route(conversation: OpenConversation): void {
    if (conversation.phase === 'everyone') this.offerToEveryone(conversation);
    else this.offerToPreferred(conversation);
  }

  /** Ends the sticky phase: the conversation is offered to everyone (the previous agent keeps their offer). */
  openToEveryone(conversation: OpenConversation): void {
    if (conversation.phase === 'everyone') return;
    conversation.stickyTimer?.cancel();
    conversation.stickyTimer = null;
    this.unreserve(conversation);
    conversation.phase = 'everyone';
    conversation.preferredAgent = null;
    const room = this.s.room(conversation.room);
    room.openToEveryone(conversation);
    this.offerToEveryone(conversation);
    this.s.notifier.queueChanged(room.name);
  }

  /** Offers the agent whatever they should take next, as long as they have free slots. */
  agentFreed(agent: AgentState): void {
    const tier = agent.tier();
    if (tier === null) return;
    for (let next = this.pickFor(agent, tier); next; next = this.pickFor(agent, tier)) {
      this.addTarget(next, agent, tier);
    }
  }

  /** Withdraws every offer the agent holds (break, offline, sign-out) and offers those chats to others. */
  agentUnavailable(agent: AgentState): void {
    const orphaned: OpenConversation[] = [];
    for (const conversation of [...agent.offers.values()]) {
      this.withdraw(conversation, agent, 'unavailable');
      if (conversation.offer === null) orphaned.push(conversation);
    }
    this.refreshFree(agent);
    for (const conversation of orphaned) this.route(conversation);
  }

  /**
   * The agent no longer answers these rooms (their settings changed): the offers they hold there
   * go to others, and what was kept for them alone there (a sticky wait) opens to everyone.
   */
  leftRooms(agent: AgentState, rooms: ReadonlySet<string>): void {
    const orphaned: OpenConversation[] = [];
    for (const conversation of [...agent.offers.values()]) {
      if (!rooms.has(conversation.room)) continue;
      this.withdraw(conversation, agent, 'unavailable');
      if (conversation.offer === null) orphaned.push(conversation);
    }
    for (const name of rooms) {
      const room = this.s.rooms.get(name);
      if (!room) continue;
      room.freeBrowser.delete(agent);
      room.freeMobile.delete(agent);
      if (room.ready.delete(agent)) this.s.notifier.readyAgentsChanged(name);
    }
    for (const conversation of [...(this.s.reserved.get(agent.id)?.values() ?? [])]) {
      if (rooms.has(conversation.room) && conversation.record.privateFor === null) this.openToEveryone(conversation);
    }
    for (const conversation of orphaned) this.route(conversation);
  }

  /** Withdraws every offer of a conversation; returns the agents it was withdrawn from. */
  withdrawAll(conversation: OpenConversation, reason: WithdrawReason, except?: AgentState): AgentState[] {
    const agents: AgentState[] = [];
    for (const agentId of [...(conversation.offer?.targets.keys() ?? [])]) {
      const agent = this.s.agents.get(agentId);
      if (!agent) continue;
      this.withdraw(conversation, agent, agent === except ? 'accepted' : reason);
      if (agent !== except) agents.push(agent);
    }
    return agents;
  }

  private offerToEveryone(conversation: OpenConversation): void {
    const room = this.s.room(conversation.room);
    let tier: ClientKind = 'browser';
    let pool = [...room.freeBrowser];
    if (pool.length === 0 && room.config.includeMobileStaff && (conversation.offer?.browserTargets ?? 0) === 0) {
      tier = 'mobile';
      pool = [...room.freeMobile];
    }
    for (const agent of pool) {
      if (!conversation.isOfferedTo(agent.id) && agent.freeSlots(room.name) > 0) this.addTarget(conversation, agent, tier);
    }
    if (conversation.offer === null) room.markUnoffered(conversation);
  }

  private offerToPreferred(conversation: OpenConversation): void {
    const agent = this.s.agent(conversation.preferredAgent);
    const room = this.s.room(conversation.room);
    const tier = agent?.tier() ?? null;
    if (!agent || tier === null || conversation.isOfferedTo(agent.id)) return;
    if (agent.freeSlots(room.name) > 0 && this.tierAllowed(room, tier)) this.addTarget(conversation, agent, tier);
  }

  private tierAllowed(room: RoomQueue, tier: ClientKind): boolean {
    return tier === 'browser' || room.config.includeMobileStaff;
  }

  private pickFor(agent: AgentState, tier: ClientKind): OpenConversation | undefined {
    const usable = (name: string) => {
      const room = this.s.rooms.get(name);
      return room && agent.freeSlots(name) > 0 && this.tierAllowed(room, tier) ? room : undefined;
    };
    for (const conversation of this.s.reserved.get(agent.id)?.values() ?? []) {
      if (!conversation.isOfferedTo(agent.id) && conversation.claiming === null && usable(conversation.room)) return conversation;
    }
    let best: OpenConversation | undefined;
    for (const name of agent.profile.rooms) {
      const candidate = usable(name)?.oldestUnoffered();
      if (candidate && (!best || candidate.arrival < best.arrival)) best = candidate;
    }
    if (best) return best;
    for (const name of agent.profile.rooms) {
      const head = usable(name)?.head();
      if (!head || head.isOfferedTo(agent.id)) continue;
      // Mobile staff are the fallback: they do not join a chat that browser agents are offered.
      if (tier === 'mobile' && (head.offer?.browserTargets ?? 0) > 0) continue;
      if (!best || head.arrival < best.arrival) best = head;
    }
    return best;
  }

  private addTarget(conversation: OpenConversation, agent: AgentState, tier: ClientKind): void {
    if (!conversation.offer) {
      const timeoutMs = this.s.room(conversation.room).config.offerTimeoutSeconds * 1000;
      const startedAt = this.s.clock.now();
      conversation.offer = {
        targets: new Map(),
        browserTargets: 0,
        startedAt,
        expiresAt: startedAt + timeoutMs,
        timer: this.s.clock.setTimer(timeoutMs, () => this.offerTimedOut(conversation)),
      };
    }
    conversation.offer.targets.set(agent.id, tier);
    if (tier === 'browser') conversation.offer.browserTargets++;
    this.s.metrics?.offers.inc({ room: conversation.room });
    agent.addOffer(conversation);
    this.refreshFree(agent);
    this.s.notifier.toAgent(agent.id, {
      type: 'offer',
      offer: toOfferView(conversation, this.s.isVisitorOnline(conversation.record.visitorId)),
    });
  }

  private withdraw(conversation: OpenConversation, agent: AgentState, reason: WithdrawReason): void {
    const offer = conversation.offer;
    const tier = offer?.targets.get(agent.id);
    if (!offer || tier === undefined) return;
    offer.targets.delete(agent.id);
    if (tier === 'browser') offer.browserTargets--;
    agent.removeOffer(conversation);
    this.refreshFree(agent);
    this.s.notifier.toAgent(agent.id, { type: 'offerWithdrawn', conversationId: conversation.id, reason });
    if (offer.targets.size > 0) return;
    offer.timer.cancel();
    conversation.offer = null;
    const room = this.s.room(conversation.room);
    if (conversation.phase === 'everyone' && room.waiting.has(conversation.id)) room.markUnoffered(conversation);
  }

  /** Nobody accepted in time: withdraw, and offer it again to everyone free now (the same agents included). */
  private offerTimedOut(conversation: OpenConversation): void {
    if (!conversation.offer || conversation.claiming !== null) return;
    this.s.metrics?.offerTimeouts.inc({ room: conversation.room });
    const withdrawn = this.withdrawAll(conversation, 'timeout');
    this.route(conversation);
    for (const agent of withdrawn) this.agentFreed(agent);
  }

  private reserve(conversation: OpenConversation): void {
    const agentId = conversation.preferredAgent;
    if (agentId === null) return;
    const list = this.s.reserved.get(agentId) ?? new Map<string, OpenConversation>();
    list.set(conversation.id, conversation);
    this.s.reserved.set(agentId, list);
  }

  private unreserve(conversation: OpenConversation): void {
    const agentId = conversation.preferredAgent;
    const list = agentId === null ? undefined : this.s.reserved.get(agentId);
    if (!list || agentId === null) return;
    list.delete(conversation.id);
    if (list.size === 0) this.s.reserved.delete(agentId);
  }
}
