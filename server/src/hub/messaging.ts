import { Limits, type AckFrame, type ChatMessage, type ConversationEvent, type FileInfo, type HistoryFrame } from '@parley/shared';
import { randomId } from '../random-id.js';
import type { ConversationRecord } from '../store/store.js';
import { access, accessForWriting, type Party } from './access.js';
import type { HubState } from './hub-state.js';

/**
 * Messages, events and typing. A message is acknowledged only once the store holds it; the
 * other party (and the sender's other tabs) get it right after, in sequence order.
 */
export class Messaging {
  constructor(private readonly s: HubState) {}

  async send(party: Party, frame: { conversationId: string; clientId: string; text: string }, origin?: unknown): Promise<AckFrame> {
    const { record } = await accessForWriting(this.s, party, frame.conversationId);
    return this.append(party, record, { kind: 'text', clientId: frame.clientId, text: frame.text }, origin);
  }

  /** The conversation, if `party` may send into it now (HTTP uploads check before taking the bytes). */
  async writable(party: Party, conversationId: string): Promise<ConversationRecord> {
    return (await accessForWriting(this.s, party, conversationId)).record;
  }

  /** The conversation, if `party` may read it. */
  async readable(party: Party, conversationId: string): Promise<ConversationRecord> {
    return (await access(this.s, party, conversationId)).record;
  }

  /** A file already stored (see the files routes) becomes a message of the conversation. */
  async sendFile(party: Party, conversationId: string, clientId: string, file: FileInfo): Promise<{ ack: AckFrame; message: ChatMessage }> {
    const { record } = await accessForWriting(this.s, party, conversationId);
    const ack = await this.append(party, record, { kind: 'file', clientId, file });
    const [message] = await this.s.store.messages.after(record.id, ack.seq - 1, 1);
    return { ack, message: message! };
  }

  private async append(
    party: Party,
    record: ConversationRecord,
    body: { kind: 'text'; clientId: string; text: string } | { kind: 'file'; clientId: string; file: FileInfo },
    origin?: unknown,
  ): Promise<AckFrame> {
    const agent = party.kind === 'agent' ? this.s.agent(party.agentId) : undefined;
    const { message, duplicate } = await this.s.store.messages.append(record.id, {
      ...body,
      from: party.kind,
      ...(agent ? { name: agent.profile.name } : {}),
      at: this.s.clock.now(),
    });
    if (!duplicate) this.deliver(record, message, origin);
    return { type: 'ack', conversationId: record.id, clientId: message.clientId, seq: message.seq, at: message.at };
  }

  /** Stores a conversation event in the history and tells both parties. */
  async event(record: ConversationRecord, event: ConversationEvent, name?: string): Promise<void> {
    const { message } = await this.s.store.messages.append(record.id, {
      kind: 'event',
      event,
      ...(name ? { name } : {}),
      clientId: `sys:${randomId(12)}`,
      at: this.s.clock.now(),
    });
    this.deliver(record, message);
  }

  /** Typing is relayed, never stored. Agents get the visitor's draft unless the room hides it. */
  typing(party: Party, frame: { conversationId: string; active: boolean; draft?: string | undefined }): void {
    const open = this.s.open.get(frame.conversationId);
    const record = open?.record;
    if (!record || record.status !== 'active' || record.agentId === null) return;
    if (party.kind === 'visitor' && record.visitorId === party.visitorId) {
      const hide = this.s.room(record.room).config.hideTypingPreview;
      const draft = !hide && frame.active && frame.draft !== undefined ? { draft: frame.draft } : {};
      this.s.notifier.toAgent(record.agentId, { type: 'typing', conversationId: record.id, active: frame.active, ...draft });
    } else if (party.kind === 'agent' && record.agentId === party.agentId) {
      this.s.notifier.toVisitor(record.visitorId, { type: 'typing', conversationId: record.id, active: frame.active });
    }
  }

  async history(party: Party, conversationId: string, afterSeq: number): Promise<HistoryFrame> {
    const { record } = await access(this.s, party, conversationId);
    const page = await this.s.store.messages.after(record.id, afterSeq, Limits.historyPage + 1);
    const more = page.length > Limits.historyPage;
    return { type: 'history', conversationId: record.id, messages: more ? page.slice(0, Limits.historyPage) : page, more };
  }

  private deliver(record: ConversationRecord, message: ChatMessage, origin?: unknown): void {
    const open = this.s.open.get(record.id);
    if (open && message.seq > open.record.lastSeq) open.record.lastSeq = message.seq;
    const frame = { type: 'message', conversationId: record.id, message } as const;
    this.s.notifier.toVisitor(record.visitorId, frame, origin);
    if (record.agentId !== null) this.s.notifier.toAgent(record.agentId, frame, origin);
  }
}
