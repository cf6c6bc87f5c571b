import type { AgentConversationView, OfferView, QueueEntry, RoutingPhase, VisitorConversationView } from '@parley/shared';
import type { ConversationRecord } from '../store/store.js';
import type { OpenConversation } from './open-conversation.js';

/*
 * What each party is shown of a conversation. Visitors see the agent's display name only;
 * agents see the visitor's answers and context (always rendered as text by the clients).
 */

export function visitorName(record: ConversationRecord): string | null {
  const name = record.form.name;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/** Whether the visitor has been offered to leave a message instead of waiting on. */
export function waitedTooLong(record: ConversationRecord): boolean {
  return record.status === 'waiting' && record.chatTimer?.kind === 'wait' && record.chatTimer.warned;
}

/** Since when the visitor waits for the agent, once the agent was warned of it; else null. */
export function agentIdleSince(record: ConversationRecord): number | null {
  return record.chatTimer?.kind === 'agent' && record.chatTimer.warned ? record.chatTimer.since : null;
}

export function toVisitorView(record: ConversationRecord, phase: RoutingPhase): VisitorConversationView {
  return {
    id: record.id,
    room: record.room,
    status: record.status,
    phase,
    agentName: record.status === 'waiting' ? null : record.agentName,
    lastSeq: record.lastSeq,
    startedAt: record.createdAt,
    endedBy: record.endedBy,
    ...(waitedTooLong(record) ? { waitedTooLong: true } : {}),
  };
}

function visitorSummary(record: ConversationRecord, online: boolean): AgentConversationView['visitor'] {
  return { id: record.visitorId, name: visitorName(record), online };
}

export function toAgentView(record: ConversationRecord, visitorOnline: boolean): AgentConversationView {
  return {
    id: record.id,
    room: record.room,
    status: record.status,
    visitor: visitorSummary(record, visitorOnline),
    form: record.form,
    context: record.context,
    lastSeq: record.lastSeq,
    startedAt: record.createdAt,
    acceptedAt: record.acceptedAt,
    servedFrom: record.servedFrom,
    endedBy: record.endedBy,
    notes: record.notes ?? [],
    disposition: record.disposition ?? null,
    responseClock: record.responseClock ?? null,
    idleSince: agentIdleSince(record),
    lead: record.lead ?? null,
  };
}

export function toOfferView(conversation: OpenConversation, visitorOnline: boolean): OfferView {
  const { record } = conversation;
  return {
    conversationId: record.id,
    room: record.room,
    phase: conversation.phase,
    visitor: visitorSummary(record, visitorOnline),
    form: record.form,
    context: record.context,
    waitingSince: record.createdAt,
    expiresAt: conversation.offer?.expiresAt ?? record.createdAt,
    transfer: conversation.transfer,
  };
}

export function toQueueEntry(conversation: OpenConversation): QueueEntry {
  return {
    conversationId: conversation.id,
    visitorName: visitorName(conversation.record),
    waitingSince: conversation.record.createdAt,
    phase: conversation.phase,
  };
}
