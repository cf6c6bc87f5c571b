import type { ChatMessage } from '@parley/shared';
import { ClientSocket, contiguousSeq, mergeMessages, type SocketLike } from '@parley/shared/client';
import { WebSocket } from 'ws';

type Frame = { type: string; [key: string]: any };

/**
 * A visitor or an agent that behaves as the widget and the console do about delivery, for tests
 * where nodes die: it reconnects by itself (the client core's socket and backoff), says hello with
 * its token, asks for everything after the last message it has, and sends again what was not
 * acknowledged. It records every acknowledgement, so a test can check that nothing acknowledged
 * is missing or doubled.
 */
export class ResilientParty {
  readonly socket: ClientSocket<any, Frame>;
  /** Messages of each conversation as this party has them, merged by seq. */
  readonly messages = new Map<string, ChatMessage[]>();
  /** Sent and acknowledged: client id to seq. */
  readonly acked = new Map<string, number>();
  /** Sent and not acknowledged yet: client id to the frame, sent again after each welcome. */
  readonly unacked = new Map<string, Frame>();
  readonly frames: Frame[] = [];
  welcomes = 0;
  /** Connection states with the time they began, for a failing test's message. */
  readonly states: string[] = [];
  token: string | undefined;
  private readonly waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];

  constructor(
    url: string,
    private readonly role: 'visitor' | 'agent',
    private readonly hello: () => Frame,
  ) {
    this.socket = new ClientSocket<any, Frame>({
      url,
      hello: () => ({ ...this.hello(), ...(this.token ? { token: this.token } : {}) }),
      onFrame: (frame) => this.heard(frame),
      onState: (change) => this.states.push(`${Date.now() % 100000}:${change.state}${change.closeCode ? `(${change.closeCode})` : ''}`),
      createSocket: (target) => {
        const socket = new WebSocket(target);
        // A refused upgrade (HAProxy's 503 while no node is up) closes it; a browser would not throw either.
        socket.on('error', () => {});
        return socket as unknown as SocketLike;
      },
    });
  }

  /** A visitor's page; with `token`, another page of a visitor who already has a session. */
  static visitor(ws: string, room = 'GENERAL', token?: string): ResilientParty {
    const party = new ResilientParty(`${ws}/ws/visitor?room=${room}`, 'visitor', () => ({ type: 'hello', context: { url: 'https://shop.test/' } }));
    party.token = token;
    party.socket.start();
    return party;
  }

  static agent(ws: string, token: string): ResilientParty {
    const party = new ResilientParty(`${ws}/ws/agent`, 'agent', () => ({ type: 'hello', token, client: 'browser', status: 'WAITING_NEW_CALL' }));
    party.token = undefined;
    party.socket.start();
    return party;
  }

  /** Sends a message now if connected, and again after each reconnect until it is acknowledged. */
  say(conversationId: string, clientId: string, text: string): void {
    const frame = { type: 'message', conversationId, clientId, text };
    this.unacked.set(clientId, frame);
    this.socket.send(frame);
  }

  send(frame: Frame): boolean {
    return this.socket.send(frame as any);
  }

  /** The first frame from now on (or already heard and not yet taken) that matches. */
  next(type: string, where: (frame: Frame) => boolean = () => true, timeoutMs = 15_000): Promise<Frame> {
    const match = (frame: Frame) => frame.type === type && where(frame);
    const seen = this.frames.find(match);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index < 0) return;
        this.waiters.splice(index, 1);
        reject(new Error(`no ${type} frame within ${timeoutMs} ms`));
      }, timeoutMs).unref();
    });
  }

  /** Resolves once every message sent so far is acknowledged. */
  async allAcked(timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.unacked.size > 0) {
      if (Date.now() > until) throw new Error(`${this.unacked.size} messages were never acknowledged`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): void {
    this.socket.stop();
  }

  private heard(frame: Frame): void {
    switch (frame.type) {
      case 'welcome':
        this.welcomes++;
        if (frame.token) this.token = frame.token;
        this.resync(frame);
        break;
      case 'ack': {
        // Its own messages come back as acknowledgements, not as message frames: kept as the widget keeps them.
        const sent = this.unacked.get(frame.clientId);
        this.unacked.delete(frame.clientId);
        this.acked.set(frame.clientId, frame.seq);
        if (sent) {
          const own = { seq: frame.seq, clientId: frame.clientId, at: frame.at, kind: 'text', from: this.role, text: sent.text } as ChatMessage;
          this.add(frame.conversationId, [own]);
        }
        break;
      }
      case 'message':
        this.add(frame.conversationId, [frame.message]);
        break;
      case 'history':
        this.add(frame.conversationId, frame.messages);
        if (frame.more) this.sync(frame.conversationId);
        break;
      case 'error':
        // "Not now": it goes again after the next welcome, like any unacknowledged message.
        break;
    }
    const index = this.waiters.findIndex((waiter) => waiter.match(frame));
    if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve(frame);
    else this.frames.push(frame);
  }

  /** After every welcome: ask for what was missed in each conversation known, then send what is unacknowledged. */
  private resync(welcome: Frame): void {
    const ids = new Set(this.messages.keys());
    if (welcome.conversation) ids.add(welcome.conversation.id);
    for (const conversation of welcome.conversations ?? []) ids.add(conversation.conversation?.id ?? conversation.id);
    for (const id of ids) this.sync(id);
    for (const frame of this.unacked.values()) this.socket.send(frame as any);
  }

  private sync(conversationId: string): void {
    this.socket.send({ type: 'sync', conversationId, afterSeq: contiguousSeq(this.messages.get(conversationId) ?? []) } as any);
  }

  private add(conversationId: string, messages: ChatMessage[]): void {
    this.messages.set(conversationId, mergeMessages(this.messages.get(conversationId) ?? [], messages));
  }
}
