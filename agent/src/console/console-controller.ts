import type { AgentClientFrame, AgentServerFrame, ChosenStatus, ClientKind } from '@parley/shared';
import { CloseCode } from '@parley/shared/codes';
import { AgentSocket, type SocketChange } from '../connection/agent-socket.js';
import { applyFrame } from '../state/apply-frame.js';
import { initialState, type ConsoleState } from '../state/console-state.js';
import { addPending, closeChat, nextChatId, openTranscript, selectChat, setPageHidden, updatePending } from '../state/local-actions.js';
import { contiguousSeq } from '../state/message-log.js';
import { addNotice, dismissNotice } from '../state/notices.js';
import { resyncPlan } from '../state/resync-plan.js';
import { newClientId } from './client-id.js';
import { checkFile, uploadFile } from './file-transfer.js';
import { TypingSignal } from './typing-signal.js';

export type Connection = { state: SocketChange['state']; retryAt: number | null };

export type ControllerOptions = {
  token: string;
  client: ClientKind;
  /** `ws://host/ws/agent`. */
  url: string;
  /** The session ended on the server (signed out anywhere, or expired): show the sign-in form. */
  onSignedOut: (reason: string) => void;
  createSocket?: (url: string) => WebSocket;
};

type Listener = () => void;

/**
 * The console's one source of truth: the state (changed only by `applyFrame` and the local
 * actions), the socket, and what must be sent as a consequence: resync after every welcome (each
 * chat from its last contiguous seq, unacknowledged messages again with the same client ids),
 * fill gaps, page through history. Components read the state and call the commands below.
 */
export class ConsoleController {
  private state: ConsoleState;
  private connection: Connection = { state: 'connecting', retryAt: null };
  private readonly listeners = new Set<Listener>();
  private readonly socket: AgentSocket;
  private readonly typingSignal: TypingSignal;
  /** Conversations with a sync in flight, so a burst of out-of-order frames asks once. */
  private readonly syncing = new Set<string>();
  /** Files of uploads not yet stored, kept for "try again". */
  private readonly files = new Map<string, File>();
  private chosen: ChosenStatus = 'TAKING_BREAK';

  constructor(private readonly options: ControllerOptions) {
    this.state = initialState(options.client);
    this.typingSignal = new TypingSignal((conversationId, active) => this.send({ type: 'typing', conversationId, active }));
    this.socket = new AgentSocket({
      url: options.url,
      hello: () => ({ type: 'hello', token: options.token, client: options.client, status: this.chosen }),
      onFrame: (frame) => this.receive(frame),
      onState: (change) => this.connectionChanged(change),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
  }

  // ---- reading ----

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getState(): ConsoleState {
    return this.state;
  }

  getConnection(): Connection {
    return this.connection;
  }

  get token(): string {
    return this.options.token;
  }

  start(): void {
    document.addEventListener('visibilitychange', this.visibilityChanged);
    this.visibilityChanged();
    this.socket.start();
  }

  // ---- commands ----

  setStatus(status: ChosenStatus): void {
    this.chosen = status;
    if (!this.send({ type: 'status', status })) this.notify('Not connected: your choice applies when the connection is back.', 'info');
  }

  /** Seed 002's private profile: an email when a waiting visitor asks for an alert. Kept by the server. */
  setEmailAlerts(enabled: boolean): void {
    if (!this.send({ type: 'preferences', emailAlerts: enabled })) this.notify('Not connected: the setting cannot be changed right now.', 'error');
  }

  accept(conversationId: string): void {
    if (!this.send({ type: 'accept', conversationId })) this.notify('Not connected: the chat cannot be accepted right now.', 'error');
  }

  /** Accepts the offer that has waited longest (the keyboard shortcut). */
  acceptOldest(): void {
    const offer = this.state.offers[0];
    if (offer) this.accept(offer.conversationId);
  }

  sendMessage(conversationId: string, text: string): void {
    const clientId = newClientId();
    this.typingSignal.stop(conversationId);
    this.update(addPending(this.state, conversationId, { clientId, kind: 'text', text, state: 'sending', error: null }));
    this.send({ type: 'message', conversationId, clientId, text });
  }

  /** Sends a failed message or upload again, under the same client id (stored once whatever happened before). */
  retry(conversationId: string, clientId: string): void {
    const pending = this.state.chats.find((c) => c.conversation.id === conversationId)?.pending.find((p) => p.clientId === clientId);
    if (!pending) return;
    this.update(updatePending(this.state, clientId, { state: 'sending', error: null }));
    if (pending.kind === 'text') this.send({ type: 'message', conversationId, clientId, text: pending.text });
    else void this.runUpload(conversationId, clientId);
  }

  discard(clientId: string): void {
    this.files.delete(clientId);
    this.update(updatePending(this.state, clientId, null));
  }

  typing(conversationId: string, text: string): void {
    this.typingSignal.keystroke(conversationId, text.trim().length > 0);
  }

  end(conversationId: string): void {
    this.typingSignal.stop(conversationId);
    if (!this.send({ type: 'end', conversationId })) this.notify('Not connected: the chat cannot be ended right now.', 'error');
  }

  upload(conversationId: string, file: File): void {
    const chat = this.state.chats.find((c) => c.conversation.id === conversationId);
    const problem = checkFile(file, this.state.rooms.find((r) => r.name === chat?.conversation.room));
    if (problem) return this.notify(`${file.name}: ${problem}`, 'error');
    const clientId = newClientId('f');
    this.files.set(clientId, file);
    this.update(addPending(this.state, conversationId, { clientId, kind: 'file', text: file.name, state: 'sending', error: null }));
    void this.runUpload(conversationId, clientId);
  }

  select(conversationId: string): void {
    this.update(selectChat(this.state, conversationId));
  }

  selectNext(): void {
    const next = nextChatId(this.state);
    if (next) this.select(next);
  }

  closeTab(conversationId: string): void {
    this.update(closeChat(this.state, conversationId));
  }

  /** Loads an earlier conversation's transcript (once; it is kept for the session). */
  openTranscript(conversationId: string): void {
    if (this.state.transcripts[conversationId]) return;
    this.update(openTranscript(this.state, conversationId));
    this.sync(conversationId, 0);
  }

  dismissNotice(id: number): void {
    this.update(dismissNotice(this.state, id));
  }

  retryNow(): void {
    this.socket.retryNow();
  }

  /** Stops the socket; the caller signs out over HTTP. */
  stop(): void {
    document.removeEventListener('visibilitychange', this.visibilityChanged);
    this.typingSignal.dispose();
    this.socket.stop();
  }

  // ---- internals ----

  private readonly visibilityChanged = (): void => {
    this.update(setPageHidden(this.state, document.visibilityState === 'hidden'));
  };

  private send(frame: AgentClientFrame): boolean {
    return this.socket.send(frame);
  }

  private notify(text: string, tone: 'info' | 'error'): void {
    this.update(addNotice(this.state, text, tone));
  }

  private update(next: ConsoleState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private connectionChanged(change: SocketChange): void {
    this.connection = { state: change.state, retryAt: change.retryAt };
    if (change.state !== 'open') this.syncing.clear();
    if (change.state === 'closed' && change.closeCode !== null) {
      this.options.onSignedOut(change.closeCode === CloseCode.SIGNED_OUT ? 'You have been signed out.' : 'Your sign-in has expired. Sign in again.');
    }
    for (const listener of this.listeners) listener();
  }

  private receive(frame: AgentServerFrame): void {
    const before = this.state;
    this.update(applyFrame(before, frame));
    switch (frame.type) {
      case 'welcome':
        return this.resync();
      case 'conversation':
        if (!before.chats.some((c) => c.conversation.id === frame.conversation.id) && frame.conversation.status === 'active') {
          this.catchUp(frame.conversation.id);
          this.send({ type: 'pastConversations', conversationId: frame.conversation.id });
        }
        return;
      case 'message':
        return this.fillGap(frame.conversationId);
      case 'history':
        this.syncing.delete(frame.conversationId);
        if (frame.more) this.sync(frame.conversationId, frame.messages[frame.messages.length - 1]?.seq ?? 0);
        else this.fillGap(frame.conversationId);
        return;
      case 'offer':
        if (!this.state.past[frame.offer.conversationId]) this.send({ type: 'pastConversations', conversationId: frame.offer.conversationId });
        return;
      default:
        return;
    }
  }

  /** After every welcome: each chat from where it stopped, unacknowledged messages again, missing context. */
  private resync(): void {
    const plan = resyncPlan(this.state);
    for (const { conversationId, afterSeq } of plan.syncs) this.sync(conversationId, afterSeq);
    for (const frame of plan.resend) this.send(frame);
    for (const conversationId of plan.past) this.send({ type: 'pastConversations', conversationId });
  }

  private catchUp(conversationId: string): void {
    const chat = this.state.chats.find((c) => c.conversation.id === conversationId);
    if (chat) this.sync(conversationId, contiguousSeq(chat.messages));
  }

  /** A live message arrived past a hole (frames lost while reconnecting): ask for what is missing. */
  private fillGap(conversationId: string): void {
    const chat = this.state.chats.find((c) => c.conversation.id === conversationId);
    if (!chat) return;
    const after = contiguousSeq(chat.messages);
    const last = chat.messages[chat.messages.length - 1]?.seq ?? 0;
    if (last > after || chat.conversation.lastSeq > after) this.sync(conversationId, after);
  }

  private sync(conversationId: string, afterSeq: number): void {
    if (this.syncing.has(conversationId)) return;
    if (this.send({ type: 'sync', conversationId, afterSeq })) this.syncing.add(conversationId);
  }

  private async runUpload(conversationId: string, clientId: string): Promise<void> {
    const file = this.files.get(clientId);
    if (!file) return;
    const result = await uploadFile(this.options.token, conversationId, clientId, file);
    if (result.ok) {
      this.files.delete(clientId);
      this.receive({ type: 'message', conversationId, message: result.answer.message });
    } else {
      this.update(updatePending(this.state, clientId, { state: 'failed', error: result.message }));
    }
  }
}
