import { ErrorCode } from '@parley/shared';
import type { Party } from '../core/party.js';
import { Refusal } from '../core/refusal.js';
import type { ConversationRecord } from '../store/store.js';
import type { HubState } from './hub-state.js';
import type { OpenConversation } from './open-conversation.js';
import { dealsWithVisitor } from './past-conversations.js';

export type Access = { record: ConversationRecord; open: OpenConversation | undefined };

/**
 * Finds a conversation and checks that `party` may see it: its visitor, its agent, or an agent
 * it is offered to (who may read the history before accepting), or, for an ended one, an agent
 * who serves or is offered the same visitor's open conversation in that room (earlier chats as
 * context), unless it was in another agent's private room. A conversation that does not exist gets the same answer as someone else's, so ids
 * cannot be probed.
 */
export async function access(s: HubState, party: Party, conversationId: string): Promise<Access> {
  const open = s.open.get(conversationId);
  const record = open?.record ?? (await s.store.conversations.get(conversationId));
  const allowed =
    record !== undefined &&
    (party.kind === 'visitor'
      ? record.visitorId === party.visitorId
      : record.agentId === party.agentId ||
        (open?.isOfferedTo(party.agentId) ?? false) ||
        (record.status === 'ended' &&
          (record.privateFor === null || record.privateFor === party.agentId) &&
          dealsWithVisitor(s, party.agentId, record.visitorId, record.room)));
  if (!allowed || !record) throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'That conversation is not yours.');
  return { record, open };
}

/**
 * The conversation `party` may send into now, found without waiting: open, not ended, and theirs
 * (its visitor, or the agent holding it). Every chat message asks this; undefined sends the caller
 * to `accessForWriting`, which says why not.
 */
export function writableNow(s: HubState, party: Party, conversationId: string): ConversationRecord | undefined {
  const record = s.open.get(conversationId)?.record;
  if (record === undefined || record.status === 'ended') return undefined;
  return (party.kind === 'visitor' ? record.visitorId === party.visitorId : record.agentId === party.agentId) ? record : undefined;
}

/** Like `access`, for sending into the conversation: it must be open, and an agent must hold it. */
export async function accessForWriting(s: HubState, party: Party, conversationId: string): Promise<Access & { open: OpenConversation }> {
  const writable = writableNow(s, party, conversationId);
  if (writable) return { record: writable, open: s.open.get(conversationId)! };
  const found = await access(s, party, conversationId);
  if (found.record.status === 'ended' || !found.open) {
    throw new Refusal(ErrorCode.CONVERSATION_ENDED, 'The conversation has ended.');
  }
  if (party.kind === 'agent' && found.record.agentId !== party.agentId) {
    throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'Accept the conversation before writing in it.');
  }
  return { ...found, open: found.open };
}
