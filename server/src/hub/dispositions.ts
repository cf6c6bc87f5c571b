import { type AgentStatus, ErrorCode } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import type { AgentPreferences, ConversationRecord } from '../store/store.js';
import type { AgentState } from './agent-state.js';
import type { HubState } from './hub-state.js';
import type { OfferRouter } from './offer-router.js';

/** Statuses an agent has just after a chat ended (not ready by their own choice). */
const JUST_ENDED: ReadonlySet<AgentStatus> = new Set(['HANG_UP', 'REMOTE_CUSTOMER_HANGUP']);

/**
 * After a chat: its result code ("disposition", seeds 003 and 004) and the wrap-up. A room may
 * require a code: its agent is not ready again until they give it (in a force-ready room they go
 * ready by themselves once they have). A room's wrap-up time keeps the agent out of routing for
 * that long after the chat ended. Both outlive a restart: they are kept with the agent's own
 * settings (PreferenceStore), and `restore` picks them up.
 */
export class Dispositions {
  constructor(
    private readonly s: HubState,
    private readonly router: OfferRouter,
  ) {}

  /** A chat the agent served has ended: what its room asks of them now. */
  async chatEnded(agent: AgentState, record: ConversationRecord): Promise<void> {
    const room = this.s.room(record.room).config;
    if (room.resultCodeRequired && room.resultCodes.length > 0) agent.awaitingCode.add(record.id);
    if (room.wrapUpSeconds > 0) this.startWrapUp(agent, this.s.clock.now() + room.wrapUpSeconds * 1000);
    await this.remember(agent);
  }

  /** Records the agent's result code for a chat they served that has ended. */
  async give(agentId: string, conversationId: string, code: string | null, note: string | undefined): Promise<void> {
    const agent = this.s.agent(agentId);
    const record = await this.s.store.conversations.get(conversationId);
    if (!agent || !record || record.agentId !== agent.id)
      throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'Only the agent who served this chat can give its result.');
    if (record.status !== 'ended') throw new Refusal(ErrorCode.NOT_ALLOWED, 'A chat gets its result once it has ended.');
    const room = this.s.room(record.room).config;
    if (code === null ? room.resultCodeRequired && room.resultCodes.length > 0 : !room.resultCodes.includes(code)) {
      throw new Refusal(ErrorCode.NOT_ALLOWED, code === null ? 'This room requires a result code.' : `"${code}" is not one of this room's result codes.`);
    }
    const saved: ConversationRecord = { ...record, disposition: { code, note: note?.trim() ? note.trim() : null, at: this.s.clock.now() } };
    await this.s.store.conversations.save(saved);
    this.s.showAgent(agent.id, saved);
    if (!agent.awaitingCode.delete(conversationId)) return;
    await this.remember(agent);
    // Force ready: back to ready by themselves once nothing is owed.
    if (agent.awaitingCode.size === 0 && room.forceReady) {
      this.s.changeStatuses(agent, () => {
        for (const presence of [agent.clients.browser, agent.clients.mobile])
          if (presence && JUST_ENDED.has(presence.status)) presence.status = 'WAITING_NEW_CALL';
      });
      this.router.refreshFree(agent);
      this.router.agentFreed(agent);
    }
  }

  /** Why the agent may not be ready now, or null. */
  readyRefusal(agent: AgentState): Refusal | null {
    if (agent.awaitingCode.size === 0) return null;
    return new Refusal(ErrorCode.DISPOSITION_REQUIRED, 'Give the chat you ended its result code first.');
  }

  /** The status an agent goes to after a chat ended, unless they owe a result code (then not ready). */
  afterEnd(agent: AgentState, status: AgentStatus, endedBy: 'visitor' | 'agent' | 'system'): AgentStatus {
    if (status !== 'WAITING_NEW_CALL' || agent.awaitingCode.size === 0) return status;
    return endedBy === 'visitor' ? 'REMOTE_CUSTOMER_HANGUP' : 'HANG_UP';
  }

  /** At start: wrap-ups under way and codes still owed, as the store kept them. */
  async restore(): Promise<void> {
    for (const agent of this.s.agents.values()) {
      const kept = await this.s.store.preferences.get(agent.id);
      for (const id of kept?.awaitingCode ?? []) agent.awaitingCode.add(id);
      if ((kept?.wrapUpUntil ?? 0) > this.s.clock.now()) this.startWrapUp(agent, kept!.wrapUpUntil!);
    }
  }

  private startWrapUp(agent: AgentState, until: number): void {
    agent.wrapUpTimer?.cancel();
    agent.wrappingUp = true;
    agent.wrapUpUntil = until;
    this.router.refreshFree(agent);
    agent.wrapUpTimer = this.s.clock.setTimer(Math.max(0, until - this.s.clock.now()), () => {
      agent.wrapUpTimer = null;
      agent.wrappingUp = false;
      agent.wrapUpUntil = 0;
      this.router.refreshFree(agent);
      this.router.agentFreed(agent);
      void this.remember(agent).catch(() => {});
    });
  }

  /** Keeps what must outlive a restart with the agent's own settings (the rest of the record as it is). */
  private async remember(agent: AgentState): Promise<void> {
    const current: AgentPreferences = (await this.s.store.preferences.get(agent.id)) ?? { emailAlerts: false };
    await this.s.store.preferences.save(agent.id, { ...current, wrapUpUntil: agent.wrapUpUntil, awaitingCode: [...agent.awaitingCode] });
  }
}
