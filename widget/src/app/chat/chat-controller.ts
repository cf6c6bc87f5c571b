import type { ChatMessage, FormAnswers, VisitorServerFrame, WidgetSettings } from '@parley/shared';
import { ErrorCode } from '@parley/shared/codes';
import type { Identity } from '../../host-contract.js';
import { readStored, storageKeys, writeStored } from '../../storage.js';
import { newClientId } from '../services/client-id.js';
import { pageContext } from '../services/page-context.js';
import { initialState, type ChatEvent, type ChatState } from './chat-state.js';
import { EmailRequests } from './email-requests.js';
import { lastSeq, mergeMessages } from './message-log.js';
import { Outbox } from './outbox.js';
import { TypingReporter } from './typing-reporter.js';
import { Uploads } from './uploads.js';
import { VisitorConnection, type SocketLike } from './visitor-connection.js';

export type ControllerDeps = {
  base: string;
  room: string;
  settings: WidgetSettings;
  notify: (event: ChatEvent) => void;
  openSocket?: (url: string) => SocketLike;
  /** Whether the visitor can see the page now (tests pass their own). */
  pageVisible?: () => boolean;
};

type FrameOf<T extends VisitorServerFrame['type']> = Extract<VisitorServerFrame, { type: T }>;

/** The agent's typing indicator goes away by itself if the "stopped" frame never comes. */
const TYPING_SHOWN_MS = 15_000;

/**
 * The chat's state and everything that changes it: the server's frames (dispatched through a
 * table keyed by type), the visitor's actions, and the host page's commands. Components read the
 * state and call the actions; nothing else talks to the server.
 */
export class ChatController {
  private current: ChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly keys: ReturnType<typeof storageKeys>;
  private readonly outbox: Outbox;
  private readonly connection: VisitorConnection;
  private readonly typing: TypingReporter;
  readonly uploads: Uploads;
  readonly emails: EmailRequests;
  private token: string | null;
  private wantsSession = false;
  private pendingStart: FormAnswers | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: ControllerDeps) {
    this.current = initialState(deps.settings.available);
    this.keys = storageKeys(deps.base, deps.room);
    this.token = readStored(this.keys.token);
    this.outbox = new Outbox(this.keys.outbox);
    this.current.pending = this.outbox.all().map(({ clientId, text, at }) => ({ clientId, text, at, failed: false }));
    const wsBase = deps.base.replace(/^http/, 'ws');
    this.connection = new VisitorConnection(
      `${wsBase}ws/visitor?room=${encodeURIComponent(deps.room)}`,
      () => this.helloFrame(),
      { state: (_previous, next) => this.update({ connection: next }), frame: (frame) => this.receive(frame) },
      deps.openSocket,
    );
    this.typing = new TypingReporter((frame) => this.connection.send(frame), deps.settings.features.typingPreview);
    this.uploads = new Uploads(deps.base, deps.settings.attachments, () => this.token, {
      state: () => this.current,
      update: (patch) => this.update(patch),
      stored: (message) => this.addMessages([message], true),
    });
    this.emails = new EmailRequests({
      send: (frame) => this.connection.send(frame),
      state: () => this.current,
      update: (patch) => this.update(patch),
      wantSession: () => {
        this.wantsSession = true;
        this.connection.greet();
      },
    });
    addEventListener('storage', this.adoptTokenFromOtherTab);
  }

  get state(): ChatState {
    return this.current;
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.connection.start();
  }

  // ---- the visitor's actions ----

  setOpen(open: boolean): void {
    if (open === this.current.open) return;
    writeStored(this.keys.open, open ? '1' : null);
    this.update({ open, ...(open && this.visible() ? { unread: 0 } : {}) });
    this.deps.notify({ type: open ? 'open' : 'close' });
  }

  /** The visitor looked at the chat (window open, page visible): nothing is unread any more. */
  markSeen(): void {
    if (this.current.unread > 0 && this.current.open && this.visible()) this.update({ unread: 0 });
  }

  identify(identity: Identity): void {
    const previous = this.current.identity;
    this.update({ identity: { ...previous, ...identity, fields: { ...previous.fields, ...identity.fields } } });
  }

  /** Starts a conversation with the welcome form's answers (already checked by the form). */
  startConversation(form: FormAnswers): void {
    this.pendingStart = form;
    const email = this.deps.settings.welcomeForm.find((field) => field.type === 'email' && typeof form[field.key] === 'string');
    this.update({ starting: true, startProblem: null, ...(email ? { knownEmail: form[email.key] as string } : {}) });
    this.wantsSession = true;
    if (this.connection.state === 'ready') this.sendStart();
    else this.connection.greet();
  }

  sendText(text: string): void {
    const conversation = this.current.conversation;
    const trimmed = text.trim();
    if (!conversation || conversation.status === 'ended' || !trimmed) return;
    const item = { clientId: newClientId(), conversationId: conversation.id, text: trimmed, at: Date.now() };
    this.outbox.add(item);
    this.update({ pending: [...this.current.pending, { clientId: item.clientId, text: item.text, at: item.at, failed: false }] });
    this.typing.stop(conversation.id);
    this.connection.send({ type: 'message', conversationId: conversation.id, clientId: item.clientId, text: item.text });
  }

  /** The message box changed: tell the agent (with the draft, unless the room hides previews). */
  draftChanged(draft: string): void {
    const conversation = this.current.conversation;
    if (conversation?.status === 'active') this.typing.draft(conversation.id, draft);
  }

  askAll(): void {
    const conversation = this.current.conversation;
    if (conversation?.status === 'waiting') this.connection.send({ type: 'askAll', conversationId: conversation.id });
  }

  endConversation(): void {
    const conversation = this.current.conversation;
    if (conversation && conversation.status !== 'ended') this.connection.send({ type: 'end', conversationId: conversation.id });
  }

  /** After an ended chat: back to the welcome form. */
  newChat(): void {
    if (this.current.conversation?.status !== 'ended') return;
    this.emails.reset();
    this.outbox.keepOnly(null);
    this.update({ conversation: null, messages: [], pending: [], uploads: [], queuePosition: null, agentTyping: false, startProblem: null });
  }

  // ---- the server's frames ----

  private readonly handlers: { [T in VisitorServerFrame['type']]: (frame: FrameOf<T>) => void } = {
    welcome: (frame) => {
      this.token = frame.token;
      writeStored(this.keys.token, frame.token);
      const shown = this.current.conversation;
      const open = frame.conversation;
      if (open) {
        this.showConversation(open);
        this.pendingStart = null;
      } else if (shown && shown.status !== 'ended') {
        // It ended while this page was away: its history (with the end) is still ours to read.
        // (Unless the session expired meanwhile: then the server refuses the sync, and the visitor
        // still sees what they had, ended, with the way to a new chat.)
        this.sync(shown.id, lastSeq(this.current.messages));
        this.setConversation({ ...shown, status: 'ended' });
      } else if (!shown) {
        // Nothing open on the server (it ended while no page was open, or the session expired and
        // this is a new visitor): no need to load the app at once on the next page, nothing to resend.
        writeStored(this.keys.active, null);
        this.outbox.keepOnly(null);
        if (this.current.pending.length > 0) this.update({ pending: [] });
      }
      if (this.pendingStart) this.sendStart();
      this.flushOutbox();
      this.emails.resend();
    },
    conversation: (frame) => this.showConversation(frame.conversation),
    queue: (frame) => {
      if (frame.conversationId === this.current.conversation?.id) this.update({ queuePosition: frame.position });
    },
    ack: (frame) => {
      const sent = this.current.pending.find((p) => p.clientId === frame.clientId);
      this.outbox.remove(frame.clientId);
      if (!sent || frame.conversationId !== this.current.conversation?.id) return;
      this.addMessages([{ seq: frame.seq, clientId: frame.clientId, at: frame.at, kind: 'text', from: 'visitor', text: sent.text }], true);
    },
    message: (frame) => {
      if (frame.conversationId === this.current.conversation?.id) this.addMessages([frame.message], true);
    },
    history: (frame) => {
      if (frame.conversationId !== this.current.conversation?.id) return;
      this.addMessages(frame.messages, false);
      if (frame.more) this.sync(frame.conversationId, lastSeq(this.current.messages));
    },
    typing: (frame) => {
      if (frame.conversationId !== this.current.conversation?.id) return;
      if (this.typingTimer) clearTimeout(this.typingTimer);
      if (frame.active) this.typingTimer = setTimeout(() => this.update({ agentTyping: false }), TYPING_SHOWN_MS);
      this.update({ agentTyping: frame.active });
    },
    availability: (frame) => {
      this.update({ available: frame.available });
      this.deps.notify({ type: 'availability', available: frame.available });
    },
    emailQueued: (frame) => this.emails.queued(frame),
    error: (frame) => {
      if (this.emails.refused(frame)) return;
      if (frame.code === ErrorCode.FORM_INVALID || frame.code === ErrorCode.ROOM_UNAVAILABLE || (this.current.starting && frame.ref === 'start')) {
        this.pendingStart = null;
        this.update({ starting: false, startProblem: { code: frame.code, message: frame.message } });
        return;
      }
      const pending = this.current.pending.find((p) => p.clientId === frame.ref);
      if (pending && frame.code !== ErrorCode.RATE_LIMITED && frame.code !== ErrorCode.INTERNAL) {
        // Refused for good (the chat ended, the text is invalid): shown as not sent, not retried.
        this.outbox.remove(pending.clientId);
        this.update({ pending: this.current.pending.map((p) => (p === pending ? { ...p, failed: true } : p)) });
      }
    },
  };

  private receive(frame: VisitorServerFrame): void {
    const handler = this.handlers[frame.type] as ((frame: VisitorServerFrame) => void) | undefined;
    handler?.(frame);
  }

  private showConversation(conversation: NonNullable<ChatState['conversation']>): void {
    const shown = this.current.conversation;
    if (shown?.id !== conversation.id) {
      if (shown && shown.status !== 'ended' && conversation.status === 'ended') return; // an old one's news
      this.outbox.keepOnly(conversation.id);
      this.update({
        messages: [],
        pending: this.current.pending.filter((p) => this.outbox.all().some((item) => item.clientId === p.clientId)),
        uploads: [],
        queuePosition: null,
        agentTyping: false,
      });
    }
    this.setConversation(conversation);
    if (conversation.lastSeq > lastSeq(this.current.messages)) this.sync(conversation.id, lastSeq(this.current.messages));
  }

  private setConversation(conversation: NonNullable<ChatState['conversation']>): void {
    const previous = this.current.conversation;
    const isNew = previous?.id !== conversation.id;
    const patch: Partial<ChatState> = { conversation, starting: false, startProblem: null };
    if (conversation.status !== 'waiting') patch.queuePosition = null;
    if (conversation.status === 'ended') patch.agentTyping = false;
    this.update(patch);
    writeStored(this.keys.active, conversation.status === 'ended' ? null : conversation.id);
    if (isNew && conversation.status !== 'ended') this.deps.notify({ type: 'conversationStart', conversation });
    if (previous && !isNew && previous.status !== 'ended' && conversation.status === 'ended') this.deps.notify({ type: 'conversationEnd', conversation });
  }

  /** Adds stored messages; `live` ones (not history) are news: host events, unread count. */
  private addMessages(messages: readonly ChatMessage[], live: boolean): void {
    const before = this.current.messages;
    const merged = mergeMessages(before, messages);
    const settled = new Set(messages.map((m) => m.clientId));
    const pending = this.current.pending.filter((p) => !settled.has(p.clientId));
    for (const clientId of settled) this.outbox.remove(clientId);
    if (merged === before && pending.length === this.current.pending.length) return;
    const fresh = live ? messages.filter((m) => !before.some((b) => b.seq === m.seq)) : [];
    const unseen = fresh.filter((m) => m.kind !== 'event' && m.from === 'agent').length;
    const looking = this.current.open && this.visible();
    this.update({
      messages: merged,
      pending,
      ...(unseen > 0 && !looking ? { unread: this.current.unread + unseen } : {}),
      ...(fresh.length > 0 ? { news: { serial: this.current.news.serial + 1, messages: fresh } } : {}),
    });
    for (const message of fresh) this.deps.notify({ type: 'message', message });
  }

  private sendStart(): void {
    if (!this.pendingStart) return;
    this.connection.send({ type: 'start', form: this.pendingStart, context: pageContext() });
  }

  private sync(conversationId: string, afterSeq: number): void {
    this.connection.send({ type: 'sync', conversationId, afterSeq });
  }

  /** Sends again what the server has not acknowledged (it stores a client id once). */
  private flushOutbox(): void {
    const conversation = this.current.conversation;
    for (const item of this.outbox.all()) {
      if (item.conversationId === conversation?.id) this.connection.send({ type: 'message', conversationId: item.conversationId, clientId: item.clientId, text: item.text });
    }
  }

  /** What to say on (re)connecting: resume the session, ask for one, or nothing yet. */
  private helloFrame(): object | null {
    // The site's tabs share one stored token, and it is the newest: another tab may have been
    // given a new session since (this one had expired), and this tab must become that visitor too.
    this.token = readStored(this.keys.token) ?? this.token;
    if (!this.token && !this.wantsSession) return null;
    return { type: 'hello', ...(this.token ? { token: this.token } : {}), context: pageContext() };
  }

  private visible(): boolean {
    return this.deps.pageVisible ? this.deps.pageVisible() : document.visibilityState === 'visible';
  }

  /** Another tab of the site got a session: this one joins it instead of minting its own. */
  private readonly adoptTokenFromOtherTab = (event: StorageEvent) => {
    if (event.key !== this.keys.token || !event.newValue || this.token) return;
    this.token = event.newValue;
    this.connection.greet();
  };

  private update(patch: Partial<ChatState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }
}
