import { type AgentNote, ErrorCode } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import type { ConversationRecord } from '../store/store.js';
import type { HubState } from './hub-state.js';
import { type Lifecycle, waitingAgain } from './lifecycle.js';
import type { Messaging } from './messaging.js';
import type { OfferRouter } from './offer-router.js';
import type { OpenConversation } from './open-conversation.js';
import { statusAfterEnd } from './status-rules.js';

export type TransferTarget = { agentId: string } | { room: string };

/**
 * Transfers: the agent serving a chat hands it to another agent of its room, who must accept (it
 * is offered to them alone, then to everyone once the room's offer timeout passes), or to a
 * room's queue, where it keeps its place (near the head: it arrived before those who came later).
 * The first agent lets go at once: the chat no longer counts as theirs, their status moves on as
 * after a chat they ended. The visitor sees the agent leave and the next one join; history, files
 * and notes stay with the conversation; the note is kept as an internal note.
 */
export class Transfers {
  constructor(
    private readonly s: HubState,
    private readonly router: OfferRouter,
    private readonly lifecycle: Lifecycle,
    private readonly messaging: Messaging,
  ) {}

  async transfer(agentId: string, conversationId: string, to: TransferTarget, note: string | undefined): Promise<void> {
    const agent = this.s.agent(agentId);
    const open = this.s.open.get(conversationId);
    if (!agent || !open || open.record.status !== 'active' || open.record.agentId !== agent.id) {
      throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'Only the agent serving this chat can transfer it.');
    }
    const target = this.target(agent.id, open, to);
    await open.serial(async () => {
      if (open.record.status !== 'active' || open.record.agentId !== agent.id)
        throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'This chat is no longer yours.');
      const from = open.record.agentName ?? agent.profile.name;
      const noteText = note?.trim() ? note.trim() : null;
      const written: AgentNote = {
        clientId: `transfer-${this.s.clock.now()}`,
        agentName: from,
        text: `Transferred to ${target.label}${noteText ? `: ${noteText}` : '.'}`,
        at: this.s.clock.now(),
      };
      const moved: ConversationRecord = {
        ...waitingAgain(open.record),
        room: target.room,
        // A chat of the agent's private room is theirs no more once it goes to someone else.
        privateFor: null,
        notes: [...(open.record.notes ?? []), written],
      };
      await this.s.store.conversations.save(moved);
      const client = open.record.servedFrom;
      agent.removeActive(open);
      open.record = moved;
      const room = this.s.room(moved.room).config;
      this.s.changeStatuses(agent, () => {
        const presence = client ? agent.clients[client] : null;
        if (client && presence) presence.status = statusAfterEnd(room, agent, client, presence.status, 'agent');
      });
      this.router.refreshFree(agent);
      this.s.showAgent(agent.id, moved);
      this.s.notifier.toVisitor(moved.visitorId, { type: 'conversation', conversation: this.lifecycle.visitorView(open) });
      await this.messaging.event(moved, 'agent-left', from);
      this.queue(open, target, { from, note: noteText }, room.offerTimeoutSeconds * 1000);
    });
    this.router.agentFreed(agent);
  }

  /** Who or where the chat goes, checked before anything changes. */
  private target(fromId: string, open: OpenConversation, to: TransferTarget): { room: string; agentId: string | null; label: string } {
    if ('room' in to) {
      if (!this.s.rooms.has(to.room) || !this.s.directory.room(to.room)) throw new Refusal(ErrorCode.NOT_ALLOWED, `There is no room ${to.room}.`);
      return { room: to.room, agentId: null, label: `the ${this.s.directory.room(to.room)!.label} queue` };
    }
    const other = this.s.agent(to.agentId);
    if (!other || other.id === fromId) throw new Refusal(ErrorCode.NOT_ALLOWED, 'Choose another agent of this room.');
    if (!other.profile.rooms.includes(open.room)) throw new Refusal(ErrorCode.NOT_ALLOWED, `${other.profile.name} does not answer this room.`);
    if (!other.isSignedIn()) throw new Refusal(ErrorCode.NOT_ALLOWED, `${other.profile.name} is not signed in.`);
    return { room: open.room, agentId: other.id, label: other.profile.name };
  }

  /** Back in line: reserved for the agent it went to (until the offer timeout), or open to everyone. */
  private queue(open: OpenConversation, target: { agentId: string | null }, transfer: { from: string; note: string | null }, timeoutMs: number): void {
    open.transfer = transfer;
    open.phase = target.agentId ? 'private' : 'everyone';
    open.preferredAgent = target.agentId;
    this.router.enqueue(open);
    if (target.agentId) {
      open.stickyTimer = this.s.clock.setTimer(timeoutMs, () => {
        open.stickyTimer = null;
        if (open.record.status !== 'waiting' || open.phase === 'everyone') return;
        this.router.openToEveryone(open);
        this.s.notifier.toVisitor(open.record.visitorId, { type: 'conversation', conversation: this.lifecycle.visitorView(open) });
      });
    }
    if (!this.s.isVisitorOnline(open.record.visitorId)) this.lifecycle.startAbandonTimer(open);
  }
}
