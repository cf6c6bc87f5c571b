import type { AgentClientFrame, AgentServerFrame, ChosenStatus, ClientKind } from '@parley/shared';
import { ClientSocket, type ConnectionChange, type ConnectionState, HistorySync, newClientId, type SocketLike } from '@parley/shared/client';
import { CloseCode } from '@parley/shared/codes';
import { applyFrame } from '../state/apply-frame.js';
import { type ConsoleState, initialState } from '../state/console-state.js';
import { addPending, closeChat, markAccepting, nextChatId, openTranscript, selectChat, setPageHidden, updatePending } from '../state/local-actions.js';
import { addNotice, dismissNotice } from '../state/notices.js';
import { resyncPlan } from '../state/resync-plan.js';
import { checkFile, uploadFile } from './file-transfer.js';
import { TypingSignal } from './typing-signal.js';

export type Connection = { state: ConnectionState; retryAt: number | null };

export type ControllerOptions = {
  token: string;
  client: ClientKind;
  /** `ws://host/ws/agent`. */
  url: string;
  /** The session ended on the server (signed out anywhere, or expired): show the sign-in form. */
  onSignedOut: (reason: string) => void;
  createSocket?: (url: string) => SocketLike;
};

type Listener = () => void;

/** What the sign-in form says after each final close code. */
const SIGNED_OUT_REASONS: Record<number, string> = {
  [CloseCode.SIGNED_OUT]: 'You have been signed out.',
  [CloseCode.CLIENT_NOT_ALLOWED]: 'Your account may not sign in on this kind of device. Ask your admin.',
};

/**
 * The console's one source of truth: the state (changed only by `applyFrame` and the local
 * actions), the socket, and what must be sent as a consequence: resync after every welcome (each
 * chat from its last contiguous seq, unacknowledged messages again with the same client ids),
 * fill gaps, page through history. Components read the state and call the commands below.
 */
export class ConsoleController {
  private state: ConsoleState;
  private connection: Connection = { state: 'idle', retryAt: null };
  private readonly listeners = new Set<Listener>();
  private readonly socket: ClientSocket<AgentClientFrame, AgentServerFrame>;
  private readonly typingSignal: TypingSignal;
  /** Notes sent and not yet seen in their conversation (the server stores each client id once). */
  private readonly pendingNotes = new Map<string, Extract<AgentClientFrame, { type: 'note' }>>();
  private readonly history = new HistorySync((conversationId, afterSeq) => this.send({ type: 'sync', conversationId, afterSeq }));
  /** Files of uploads not yet stored, kept for "try again". */
  private readonly files = new Map<string, File>();
  private chosen: ChosenStatus = 'TAKING_BREAK';

  constructor(private readonly options: ControllerOptions) {
    this.state = initialState(options.client);
    this.typingSignal = new TypingSignal((conversationId, active) => this.send({ type: 'typing', conversationId, active }));
    this.socket = new ClientSocket({
      url: options.url,
      // The status this client last had, as the server said it (a restarted server has forgotten
      // it; a serving agent must not come back ready), or, before any, the one last chosen.
      hello: () => ({ type: 'hello', token: options.token, client: options.client, status: this.state.statuses[options.client] ?? this.chosen }),
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

  /** The private profile: an email when a waiting visitor asks for an alert. Kept by the server. */
  setEmailAlerts(enabled: boolean): void {
    if (!this.send({ type: 'preferences', emailAlerts: enabled })) this.notify('Not connected: the setting cannot be changed right now.', 'error');
  }

  accept(conversationId: string): void {
    if (!this.send({ type: 'accept', conversationId })) return this.notify('Not connected: the chat cannot be accepted right now.', 'error');
    this.update(markAccepting(this.state, conversationId));
  }

  /** Accepts the offer that has waited longest (the keyboard shortcut). */
  acceptOldest(): void {
    const offer = this.state.offers[0];
    if (offer) this.accept(offer.conversationId);
  }

  sendMessage(conversationId: string, text: string): void {
    const clientId = newClientId('a');
    this.typingSignal.stop(conversationId);
    this.update(addPending(this.state, conversationId, { clientId, kind: 'text', text, state: 'sending', error: null }));
    this.send({ type: 'message', conversationId, clientId, text });
  }

  /** Sends a failed message or upload again, under the same client id (stored once whatever happened before). */
  /** An internal note: sent now, and again after every reconnect until the server has it. */
  addNote(conversationId: string, text: string): void {
    const clientId = newClientId('n');
    this.pendingNotes.set(clientId, { type: 'note', conversationId, clientId, text });
    if (!this.send({ type: 'note', conversationId, clientId, text })) this.notify('Not connected: the note is saved when the connection is back.', 'info');
  }

  /** Hands the chat to another agent or a queue; the server answers with the chat no longer ours. */
  transfer(conversationId: string, to: { agentId: string } | { room: string }, label: string, note: string): void {
    if (!this.send({ type: 'transfer', conversationId, to, ...(note ? { note } : {}) })) {
      this.notify('Not connected: the chat cannot be transferred right now.', 'error');
      return;
    }
    this.notify(`Transferring the chat to ${label}…`, 'info');
  }

  /** The result code of an ended chat; the server answers with the chat holding it. */
  giveResult(conversationId: string, code: string | null, note: string): void {
    if (!this.send({ type: 'disposition', conversationId, code, ...(note ? { note } : {}) }))
      this.notify('Not connected: the result cannot be saved right now.', 'error');
  }

  /** Sends an ended chat as a lead to an address of its room's CRM list, or (null) records "Do Not Send". */
  sendLead(conversationId: string, to: string | null): void {
    if (!this.send({ type: 'lead', conversationId, to })) this.notify('Not connected: the lead choice cannot be saved right now.', 'error');
  }

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
    const problem = checkFile(
      file,
      this.state.rooms.find((r) => r.name === chat?.conversation.room),
    );
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
    this.history.request(conversationId, 0);
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

  private connectionChanged(change: ConnectionChange): void {
    this.connection = { state: change.state, retryAt: change.retryAt };
    if (change.state !== 'ready') this.history.reset();
    if (change.state === 'closed' && change.closeCode !== null) {
      this.options.onSignedOut(SIGNED_OUT_REASONS[change.closeCode] ?? 'Your sign-in has expired. Sign in again.');
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
        for (const note of frame.conversation.notes) this.pendingNotes.delete(note.clientId);
        if (!before.chats.some((c) => c.conversation.id === frame.conversation.id) && frame.conversation.status === 'active') {
          this.fill(frame.conversation.id);
          this.send({ type: 'pastConversations', conversationId: frame.conversation.id });
        }
        return;
      case 'message':
        return this.fill(frame.conversationId);
      case 'history':
        return this.answered(frame.conversationId, frame.more);
      case 'offer':
        if (!this.state.past[frame.offer.conversationId]) this.send({ type: 'pastConversations', conversationId: frame.offer.conversationId });
        return;
      case 'error':
        if (frame.ref !== undefined) this.history.refused(frame.ref);
        return;
      default:
        return;
    }
  }

  /** After every welcome: each chat from where it stopped, unacknowledged messages again, missing context. */
  private resync(): void {
    const plan = resyncPlan(this.state);
    for (const { conversationId, afterSeq } of plan.syncs) this.history.request(conversationId, afterSeq);
    for (const frame of plan.resend) this.send(frame);
    for (const note of this.pendingNotes.values()) this.send(note);
    for (const conversationId of plan.past) this.send({ type: 'pastConversations', conversationId });
  }

  /** A chat's messages (or an earlier chat's transcript), as held now. */
  private held(conversationId: string) {
    return this.state.transcripts[conversationId]?.messages ?? this.state.chats.find((c) => c.conversation.id === conversationId)?.messages;
  }

  /** Asks for what a chat is missing: a hole before a live message, or what the server has beyond ours. */
  private fill(conversationId: string): void {
    const chat = this.state.chats.find((c) => c.conversation.id === conversationId);
    if (chat) this.history.fill(conversationId, chat.messages, chat.conversation.lastSeq);
  }

  private answered(conversationId: string, more: boolean): void {
    const messages = this.held(conversationId);
    if (!messages) return this.history.refused(conversationId);
    const lastSeq = this.state.chats.find((c) => c.conversation.id === conversationId)?.conversation.lastSeq ?? 0;
    this.history.answered(conversationId, messages, more, lastSeq);
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
