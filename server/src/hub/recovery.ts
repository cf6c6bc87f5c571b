import type { ConversationRecord } from '../store/store.js';
import type { AgentState } from './agent-state.js';
import type { HubState } from './hub-state.js';
import type { Lifecycle } from './lifecycle.js';
import type { Messaging } from './messaging.js';
import { OpenConversation } from './open-conversation.js';
import type { Router } from './router.js';

/** The record of a conversation that waits for an agent again. */
function waitingAgain(record: ConversationRecord): ConversationRecord {
  return { ...record, status: 'waiting', agentId: null, agentName: null, servedFrom: null, acceptedAt: null };
}

/**
 * Conversations that lost their agent: an agent who left for good (signed out, or did not come
 * back within the grace period) gives their chats back to the queue, at the place they first
 * arrived; after a restart the queue and the agents' chats are rebuilt from the store.
 */
export class Recovery {
  constructor(
    private readonly s: HubState,
    private readonly router: Router,
    private readonly messaging: Messaging,
    private readonly lifecycle: Lifecycle,
  ) {}

  async requeueAll(agent: AgentState): Promise<void> {
    for (const conversation of [...agent.active.values()]) {
      await conversation.serial(async () => {
        if (conversation.record.status !== 'active' || conversation.record.agentId !== agent.id) return;
        const requeued = waitingAgain(conversation.record);
        await this.s.store.conversations.save(requeued);
        agent.removeActive(conversation);
        conversation.record = requeued;
        conversation.phase = requeued.privateFor !== null ? 'private' : 'everyone';
        conversation.preferredAgent = requeued.privateFor;
        this.s.notifier.toVisitor(requeued.visitorId, { type: 'conversation', conversation: this.lifecycle.visitorView(conversation) });
        await this.messaging.event(requeued, 'agent-left', agent.profile.name);
        this.router.enqueue(conversation);
        if (!this.s.isVisitorOnline(requeued.visitorId)) this.lifecycle.startAbandonTimer(conversation);
      });
    }
    this.router.refreshFree(agent);
  }

  async restore(): Promise<void> {
    const records = await this.s.store.conversations.find({ open: true });
    for (const record of records) {
      if (!this.s.rooms.has(record.room)) continue;
      const phase = record.privateFor !== null ? 'private' : 'everyone';
      const conversation = new OpenConversation(record, this.s.nextArrival(), phase, record.privateFor);
      this.s.trackOpen(conversation);
      const agent = this.s.agent(record.agentId);
      if (record.status === 'active' && agent) {
        agent.addActive(conversation);
        this.expectBack(agent);
      } else {
        if (record.status === 'active') {
          // Its agent is no longer configured: it waits for another.
          conversation.record = waitingAgain(record);
          await this.s.store.conversations.save(conversation.record);
        }
        this.router.enqueue(conversation);
      }
      if (!this.s.isVisitorOnline(record.visitorId)) this.lifecycle.visitorWentAway(record.visitorId);
    }
  }

  /** After a restart, an agent holding chats has the reconnect grace period to come back. */
  private expectBack(agent: AgentState): void {
    if (this.s.orphanTimers.has(agent.id)) return;
    this.s.orphanTimers.set(
      agent.id,
      this.s.clock.setTimer(this.s.settings.agentReconnectGraceMs, () => {
        this.s.orphanTimers.delete(agent.id);
        if (!agent.isSignedIn()) void this.requeueAll(agent);
      }),
    );
  }
}
