import type { AgentState } from './agent-state.js';
import type { HubState } from './hub-state.js';
import { type Lifecycle, waitingAgain } from './lifecycle.js';
import type { Messaging } from './messaging.js';
import type { OfferRouter } from './offer-router.js';
import { OpenConversation } from './open-conversation.js';

/**
 * Conversations that lost their agent: an agent who left for good (signed out, or did not come
 * back within the grace period) gives their chats back to the queue, at the place they first
 * arrived; after a restart the queue and the agents' chats are rebuilt from the store.
 */
export class Recovery {
  constructor(
    private readonly s: HubState,
    private readonly router: OfferRouter,
    private readonly messaging: Messaging,
    private readonly lifecycle: Lifecycle,
  ) {}

  async requeueAll(agent: AgentState): Promise<void> {
    for (const conversation of [...agent.active.values()]) {
      await conversation.serial(async () => {
        if (conversation.record.status !== 'active' || conversation.record.agentId !== agent.id) return;
        await this.lifecycle.requeue(conversation, agent, () => this.messaging.event(conversation.record, 'agent-left', agent.profile.name));
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
      // Whether its agent already wrote is not known after a restart: it does not count toward today's first responses.
      conversation.answered = record.status === 'active';
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
      // Its timer's deadlines were stored: one that fell due while the server was down fires now.
      this.lifecycle.timers.arm(conversation);
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
