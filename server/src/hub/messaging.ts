import { type AckFrame, type ChatMessage, type ConversationEvent, type FileInfo, type HistoryFrame, Limits } from '@parley/shared';
import type { Party } from '../core/party.js';
import { randomId } from '../core/random-id.js';
import type { ConversationRecord, NewMessage } from '../store/store.js';
import { access, accessForWriting, writableNow } from './access.js';
import type { ChatTimers } from './chat-timers.js';
import type { HubState } from './hub-state.js';
import type { ResponseClocks } from './response-clocks.js';

/**
 * Messages, events and typing. A message is acknowledged only once the store holds it; the
 * other party (and the sender's other tabs) get it right after, in sequence order.
 */
export class Messaging {
  constructor(
    private readonly s: HubState,
    private readonly clocks: ResponseClocks,
    private readonly timers: ChatTimers,
  ) {}

  /**
   * Stores a text message and resolves with its ack once it is durable (the other party has it by
   * then). A message to an open conversation its sender may write in goes to the store at once,
   * in the same turn, without a promise before it; anything else takes `accessForWriting`, which
   * says why it is refused.
   */
  send(party: Party, frame: { conversationId: string; clientId: string; text: string }, origin?: string): Promise<AckFrame> {
    const record = writableNow(this.s, party, frame.conversationId);
    if (record) return this.append(record, textMessage(party, frame, this.s), origin);
    return accessForWriting(this.s, party, frame.conversationId).then((found) => this.append(found.record, textMessage(party, frame, this.s), origin));
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
    const name = party.kind === 'agent' ? this.s.agent(party.agentId)?.profile.name : undefined;
    const ack = await this.append(record, {
      kind: 'file',
      from: party.kind,
      clientId,
      file,
      ...(name !== undefined ? { name } : {}),
      at: this.s.clock.now(),
    });
    const [message] = await this.s.store.messages.after(record.id, ack.seq - 1, 1);
    return { ack, message: message! };
  }

  private append(record: ConversationRecord, message: NewMessage, origin?: string): Promise<AckFrame> {
    return this.s.store.messages.append(record.id, message).then(({ message: stored, duplicate, json }): AckFrame => {
      if (!duplicate) {
        this.s.metrics?.messagesStored.inc();
        this.deliver(record, stored, json, origin);
      }
      return { type: 'ack', conversationId: record.id, clientId: stored.clientId, seq: stored.seq, at: stored.at };
    });
  }

  /** Stores a conversation event in the history and tells both parties. */
  async event(record: ConversationRecord, event: ConversationEvent, name?: string): Promise<void> {
    const { message, json } = await this.s.store.messages.append(record.id, {
      kind: 'event',
      event,
      ...(name ? { name } : {}),
      clientId: `sys:${randomId(12)}`,
      at: this.s.clock.now(),
    });
    this.s.metrics?.messagesStored.inc();
    this.deliver(record, message, json);
  }

  /** Typing is relayed, never stored. Agents get the visitor's draft unless the room hides it. */
  typing(party: Party, frame: { conversationId: string; active: boolean; draft?: string | undefined }): void {
    const open = this.s.open.get(frame.conversationId);
    const record = open?.record;
    if (record?.status !== 'active' || record.agentId === null) return;
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

  /** `json` is `message` serialised by the store: the frame is built around it rather than serialised again. */
  private deliver(record: ConversationRecord, message: ChatMessage, json: string, origin?: string): void {
    const open = this.s.open.get(record.id);
    if (open && message.seq > open.record.lastSeq) open.record.lastSeq = message.seq;
    if (open && !open.answered && message.kind !== 'event' && message.from === 'agent') {
      open.answered = true;
      this.s.today.answered(record.room, open.record.acceptedAt ?? message.at, message.at);
    }
    if (open && message.kind !== 'event') {
      // The response clock and the chat's timer move with the message: one save for both.
      const next = this.timers.next(this.clocks.next(open.record, message.from, message.at), message.from, message.at);
      if (next !== open.record) this.timers.change(open, next);
    }
    const frame = { type: 'message', conversationId: record.id, message } as const;
    const prefix = open ? (open.messageFramePrefix ??= messageFramePrefix(record.id)) : messageFramePrefix(record.id);
    const frameJson = `${prefix}${json}}`;
    this.s.notifier.toVisitor(record.visitorId, frame, origin, frameJson);
    if (record.agentId !== null) this.s.notifier.toAgent(record.agentId, frame, origin, frameJson);
  }
}

function messageFramePrefix(conversationId: string): string {
  return `{"type":"message","conversationId":${JSON.stringify(conversationId)},"message":`;
}

/** A visitor's message has no name; an agent's carries the agent's display name. Literals, not spreads: one shape each. */
function textMessage(party: Party, frame: { clientId: string; text: string }, s: HubState): NewMessage {
  const at = s.clock.now();
  if (party.kind === 'visitor') return { kind: 'text', from: 'visitor', clientId: frame.clientId, text: frame.text, at };
  const name = s.agent(party.agentId)?.profile.name;
  return name !== undefined
    ? { kind: 'text', from: 'agent', name, clientId: frame.clientId, text: frame.text, at }
    : { kind: 'text', from: 'agent', clientId: frame.clientId, text: frame.text, at };
}
