import { ErrorCode } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import type { ConversationRecord } from '../store/store.js';
import type { HubState } from './hub-state.js';

/**
 * Seed 004's CRM update after a chat: its agent sends it as a lead to one address of the room's
 * selection list, or chooses "Do Not Send". Once per chat; the choice is kept in its record.
 */
export class Leads {
  constructor(private readonly s: HubState) {}

  /**
   * Records the agent's choice for a chat they served that has ended. `deliver` queues the lead
   * (to the address chosen) before the choice is saved: a retry after a failure queues the same
   * emails once (their outbox ids come from the chat).
   */
  async choose(agentId: string, conversationId: string, to: string | null, deliver: (record: ConversationRecord, to: string) => Promise<void>): Promise<void> {
    const record = await this.s.store.conversations.get(conversationId);
    if (!record || record.agentId !== agentId) throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'Only the agent who served this chat can send it as a lead.');
    if (record.status !== 'ended') throw new Refusal(ErrorCode.NOT_ALLOWED, 'A chat is sent as a lead once it has ended.');
    if (record.lead) throw new Refusal(ErrorCode.NOT_ALLOWED, 'This chat’s lead was already decided.');
    const list = this.s.room(record.room).config.crmSelection ?? [];
    const entry = to === null ? null : list.find((option) => option.email.toLowerCase() === to.toLowerCase());
    if (to !== null && !entry) throw new Refusal(ErrorCode.NOT_ALLOWED, 'Choose an address of this room’s CRM list, or Do Not Send.');
    if (entry) await deliver(record, entry.email);
    const saved: ConversationRecord = { ...record, lead: { to: entry?.email ?? null, label: entry?.label ?? null, at: this.s.clock.now() } };
    await this.s.store.conversations.save(saved);
    this.s.showAgent(agentId, saved);
  }
}
