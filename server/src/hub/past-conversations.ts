import { ErrorCode, PAST_CONVERSATIONS_LISTED, type PastConversationsFrame } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import type { HubState } from './hub-state.js';

/**
 * Whether the agent serves, or is offered, an open conversation of this visitor in this room. That
 * is what entitles an agent to the visitor's earlier conversations there: the context of the chat
 * in front of them, and nothing about visitors they are not dealing with.
 */
export function dealsWithVisitor(s: HubState, agentId: string, visitorId: string, room: string): boolean {
  const open = s.openByVisitor.get(visitorId)?.find((c) => c.room === room);
  return open !== undefined && (open.record.agentId === agentId || open.isOfferedTo(agentId));
}

/**
 * The visitor's earlier conversations in the room of the one the agent is dealing with, newest
 * first. Their transcripts are read with `sync` (see `access`, which lets the same agent read them).
 */
export class PastConversations {
  constructor(private readonly s: HubState) {}

  async list(agentId: string, conversationId: string): Promise<PastConversationsFrame> {
    const current = this.s.open.get(conversationId);
    const agent = this.s.agent(agentId);
    if (!current || !agent || !(current.record.agentId === agent.id || current.isOfferedTo(agent.id))) {
      throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'Earlier chats are shown for a chat you serve or are offered.');
    }
    const all = await this.s.store.conversations.find({ visitorId: current.record.visitorId, room: current.room });
    // A chat in another agent's private room stays between the visitor and that agent.
    const earlier = all
      .filter((record) => record.id !== current.id && record.status === 'ended' && (record.privateFor === null || record.privateFor === agent.id))
      .reverse();
    return {
      type: 'pastConversations',
      conversationId: current.id,
      conversations: earlier.slice(0, PAST_CONVERSATIONS_LISTED).map((record) => ({
        id: record.id,
        startedAt: record.createdAt,
        endedAt: record.endedAt,
        endedBy: record.endedBy,
        agentName: record.agentName,
        lastSeq: record.lastSeq,
      })),
      total: earlier.length,
    };
  }
}
