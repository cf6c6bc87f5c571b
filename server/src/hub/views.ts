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
