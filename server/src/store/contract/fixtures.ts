import type { OutboxRecord } from '../outbox-record.js';
import type { ConversationRecord, SessionRecord } from '../store.js';

export const DAY = 24 * 3600 * 1000;
export const T0 = Date.UTC(2026, 0, 5);

export function conversation(id: string, overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    id,
    room: 'GENERAL',
    visitorId: 'visitor-1',
    status: 'waiting',
    privateFor: null,
    agentId: null,
    agentName: null,
    servedFrom: null,
    form: {},
    context: {},
    createdAt: 1000,
    acceptedAt: null,
    endedAt: null,
    endedBy: null,
    lastSeq: 0,
    ...overrides,
  };
}

export const text = (clientId: string, body = clientId) => ({ kind: 'text' as const, from: 'visitor' as const, clientId, text: body, at: 1 });

export const visitorSession = (tokenHash: string, expiresAt: number): SessionRecord => ({
  tokenHash,
  kind: 'visitor',
  visitorId: `id-${tokenHash}`,
  createdAt: T0,
  expiresAt,
});
export const agentSession = (tokenHash: string, expiresAt: number): SessionRecord => ({ tokenHash, kind: 'agent', agentId: 'alice', createdAt: T0, expiresAt });
export const fileLink = (tokenHash: string, expiresAt: number): SessionRecord => ({ tokenHash, kind: 'files', conversationId: 'c1', createdAt: T0, expiresAt });

export function email(id: string, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id,
    kind: 'transcript',
    room: 'GENERAL',
    mail: {
      from: { name: 'Acme', address: 'chat@acme.test' },
      to: 'dana@example.com',
      replyTo: null,
      subject: 'Your chat',
      text: 'Hello',
      html: null,
      messageId: `<${id}@acme.test>`,
      date: 1000,
    },
    hold: null,
    state: 'pending',
    createdAt: 1000,
    attempts: 0,
    nextAttemptAt: 1000,
    lastError: null,
    ...overrides,
  };
}
