import type { FormAnswers, VisitorClientFrame, VisitorServerFrame, WidgetSettings } from '@parley/shared';
import { ClientSocket, HistorySync, newClientId, readStored, type SocketLike, writeStored } from '@parley/shared/client';
import type { Identity } from '../../host-contract.js';
import { storageKeys } from '../../storage-keys.js';
import { pageContext } from '../services/page-context.js';
import { addMessages, applyFrame } from './apply-frame.js';
import { type ChatEvent, type ChatState, initialState } from './chat-state.js';
import { EmailRequests } from './email-requests.js';
import { TypingReporter } from './typing-reporter.js';
import { UnsentMessages } from './unsent-messages.js';
import { Uploads } from './uploads.js';

export type ControllerDeps = {
  base: string;
  room: string;
  /** The room's settings as the page got them; changes the server pushes replace them (see ChatState). */
  settings: WidgetSettings;
  notify: (event: ChatEvent) => void;
  openSocket?: (url: string) => SocketLike;
  /** Whether the visitor can see the page now (tests pass their own). */
  pageVisible?: () => boolean;
  /** The embed code's launcher side, which wins over the room's setting (see EmbedOptions). */
  launcherPosition?: 'left' | 'right' | null;
};

type FrameOf<T extends VisitorServerFrame['type']> = Extract<VisitorServerFrame, { type: T }>;

/** What storage holds of the last welcome form; anything else (another version's, a damaged value) is nothing. */
function parseAnswers(stored: string | null): Record<string, string> {
  try {
    const value: unknown = JSON.parse(stored ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The agent's typing indicator goes away by itself if the "stopped" frame never comes. */
const TYPING_SHOWN_MS = 15_000;

/**
 * Owns the chat's effects: the socket, storage, the host page's events, timers. The state changes
 * only through `applyFrame` (the server's frames, pure) and the visitor's actions below; whatever
 * follows from a change (what is stored, which events the page hears) is read from the change
 * itself in `update`. Components read the state and call the actions; nothing else talks to the server.
 */
export class ChatController {
  private current: ChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly keys: ReturnType<typeof storageKeys>;
  private readonly unsent: UnsentMessages;
  private readonly socket: ClientSocket<VisitorClientFrame, VisitorServerFrame>;
  private readonly history: HistorySync;
  private readonly typing: TypingReporter;
  readonly uploads: Uploads;
  readonly emails: EmailRequests;
  private token: string | null;
  private wantsSession = false;
  private pendingStart: FormAnswers | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: ControllerDeps) {
    this.keys = storageKeys(deps.base, deps.room);
    this.token = readStored(this.keys.token);
    this.unsent = new UnsentMessages(this.keys.outbox);
    this.current = { ...initialState(deps.settings), pending: this.unsent.load(), remembered: parseAnswers(readStored(this.keys.answers)) };
    this.socket = new ClientSocket({
      url: `${deps.base.replace(/^http/, 'ws')}ws/visitor?room=${encodeURIComponent(deps.room)}`,
      hello: () => this.helloFrame(),
      onFrame: (frame) => this.receive(frame),
      onState: ({ state }) => {
        if (state !== 'ready') this.history.reset();
        this.update({ ...this.current, connection: state });
      },
      ...(deps.openSocket ? { createSocket: deps.openSocket } : {}),
    });
    this.history = new HistorySync((conversationId, afterSeq) => this.send({ type: 'sync', conversationId, afterSeq }));
    this.typing = new TypingReporter(
      (frame) => this.send(frame),
      () => this.current.settings.features.typingPreview,
    );
    this.uploads = new Uploads(
      deps.base,
      () => this.current.settings.attachments,
      () => this.token,
      {
        state: () => this.current,
        update: (patch) => this.patch(patch),
        stored: (message) => this.update(addMessages(this.current, [message], true, this.context())),
      },
    );
    this.emails = new EmailRequests({
      send: (frame) => this.send(frame),
      state: () => this.current,
      update: (patch) => this.patch(patch),
      wantSession: () => {
        this.wantsSession = true;
        this.socket.greet();
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
    this.socket.start();
  }

  // ---- the visitor's actions ----

  setOpen(open: boolean): void {
    if (open === this.current.open) return;
    writeStored(this.keys.open, open ? '1' : null);
    this.patch({ open, ...(open && this.visible() ? { unread: 0 } : {}) });
    this.deps.notify({ type: open ? 'open' : 'close' });
  }

  /** The visitor looked at the chat (window open, page visible): nothing is unread any more. */
  markSeen(): void {
    if (this.current.unread > 0 && this.current.open && this.visible()) this.patch({ unread: 0 });
  }

  identify(identity: Identity): void {
    const previous = this.current.identity;
    this.patch({ identity: { ...previous, ...identity, fields: { ...previous.fields, ...identity.fields } } });
  }

  /** Starts a conversation with the welcome form's answers (already checked by the form). */
  startConversation(form: FormAnswers): void {
    this.pendingStart = form;
    const email = this.current.settings.welcomeForm.find((field) => field.type === 'email' && typeof form[field.key] === 'string');
    // Typed answers are remembered for the next time (not hidden ones the page set, nor a consent box).
    const remembered: Record<string, string> = {};
    for (const field of this.current.settings.welcomeForm) {
      const answer = form[field.key];
      if (field.rule !== 'hidden' && typeof answer === 'string') remembered[field.key] = answer;
    }
    writeStored(this.keys.answers, JSON.stringify(remembered));
    this.patch({ starting: true, startProblem: null, remembered, ...(email ? { knownEmail: form[email.key] as string } : {}) });
    this.wantsSession = true;
    if (this.socket.state === 'ready') this.sendStart();
    else this.socket.greet();
  }

  sendText(text: string): void {
    const conversation = this.current.conversation;
    const trimmed = text.trim();
    if (!conversation || conversation.status === 'ended' || !trimmed) return;
    const item = { clientId: newClientId('w'), conversationId: conversation.id, text: trimmed, at: Date.now(), failed: false };
    this.patch({ pending: [...this.current.pending, item] });
    this.typing.stop(conversation.id);
    this.send({ type: 'message', conversationId: conversation.id, clientId: item.clientId, text: item.text });
  }

  /** The message box changed: tell the agent (with the draft, unless the room hides previews). */
  draftChanged(draft: string): void {
    const conversation = this.current.conversation;
    if (conversation?.status === 'active') this.typing.draft(conversation.id, draft);
  }

  askAll(): void {
    const conversation = this.current.conversation;
    if (conversation?.status === 'waiting') this.send({ type: 'askAll', conversationId: conversation.id });
  }

  /** After the room's maximum wait: stay in line rather than leave a message. */
  keepWaiting(): void {
    const conversation = this.current.conversation;
    if (conversation?.status === 'waiting') this.send({ type: 'keepWaiting', conversationId: conversation.id });
  }

  endConversation(): void {
    const conversation = this.current.conversation;
    if (conversation && conversation.status !== 'ended') this.send({ type: 'end', conversationId: conversation.id });
  }

  /** After an ended chat: back to the welcome form. */
  newChat(): void {
    if (this.current.conversation?.status !== 'ended') return;
    this.emails.reset();
    this.patch({ conversation: null, messages: [], pending: [], uploads: [], queuePosition: null, agentTyping: false, startProblem: null });
  }

  /** Shows other settings for the room, as a `settings` frame would (the admin console's preview shows unsaved ones). */
  applySettings(settings: WidgetSettings): void {
    this.update(applyFrame(this.current, { type: 'settings', settings }, this.context()));
  }

  // ---- the server's frames ----

  private receive(frame: VisitorServerFrame): void {
    const before = this.current;
    this.update(applyFrame(before, frame, this.context()));
    (this.after[frame.type] as ((frame: VisitorServerFrame, before: ChatState) => void) | undefined)?.(frame, before);
  }

  /** What a frame sets going besides the state: requests, storage the state does not cover, timers. */
  private readonly after: { [T in VisitorServerFrame['type']]?: (frame: FrameOf<T>, before: ChatState) => void } = {
    welcome: (frame, before) => {
      this.token = frame.token;
      writeStored(this.keys.token, frame.token);
      const shown = this.current.conversation;
      if (frame.conversation) {
        this.pendingStart = null;
        this.history.fill(frame.conversation.id, this.current.messages, frame.conversation.lastSeq);
      } else if (shown && before.conversation?.status !== 'ended') {
        // Learn how it ended. (Unless the session expired meanwhile: then the server refuses, and
        // the visitor still sees what they had, ended, with the way to a new chat.)
        this.history.resume(shown.id, this.current.messages);
      } else if (!shown) {
        // No need to load the app at once on the next page.
        writeStored(this.keys.active, null);
      }
      if (this.pendingStart) this.sendStart();
      for (const item of this.current.pending) {
        if (!item.failed && item.conversationId === shown?.id) {
          this.send({ type: 'message', conversationId: item.conversationId, clientId: item.clientId, text: item.text });
        }
      }
      this.emails.resend();
    },
    conversation: (frame) => this.history.fill(frame.conversation.id, this.current.messages, frame.conversation.lastSeq),
    message: (frame) => {
      if (frame.conversationId === this.current.conversation?.id) this.history.fill(frame.conversationId, this.current.messages);
    },
    history: (frame) => {
      const conversation = this.current.conversation;
      if (frame.conversationId === conversation?.id) this.history.answered(frame.conversationId, this.current.messages, frame.more, conversation.lastSeq);
      else this.history.refused(frame.conversationId);
    },
    typing: (frame) => {
      if (frame.conversationId !== this.current.conversation?.id) return;
      if (this.typingTimer) clearTimeout(this.typingTimer);
      if (frame.active) this.typingTimer = setTimeout(() => this.patch({ agentTyping: false }), TYPING_SHOWN_MS);
    },
    availability: (frame) => this.deps.notify({ type: 'availability', available: frame.available }),
    emailQueued: (frame) => this.emails.answered(frame.clientId),
    error: (frame) => {
      // A refused start is not sent again after the next welcome.
      if (!this.current.starting) this.pendingStart = null;
      if (frame.ref === undefined) return;
      this.emails.answered(frame.ref);
      this.history.refused(frame.ref);
    },
  };

  // ---- internals ----

  private send(frame: VisitorClientFrame): boolean {
    return this.socket.send(frame);
  }

  private sendStart(): void {
    if (this.pendingStart) this.send({ type: 'start', form: this.pendingStart, context: pageContext() });
  }

  /** What to say on (re)connecting: resume the session, ask for one, or nothing yet. */
  private helloFrame(): VisitorClientFrame | null {
    // The site's tabs share one stored token, and it is the newest: another tab may have been
    // given a new session since (this one had expired), and this tab must become that visitor too.
    this.token = readStored(this.keys.token) ?? this.token;
    if (!this.token && !this.wantsSession) return null;
    return { type: 'hello', ...(this.token ? { token: this.token } : {}), context: pageContext() };
  }

  private context() {
    return { visible: this.visible(), launcherPosition: this.deps.launcherPosition ?? null };
  }

  private visible(): boolean {
    return this.deps.pageVisible ? this.deps.pageVisible() : document.visibilityState === 'visible';
  }

  /** Another tab of the site got a session: this one joins it instead of minting its own. */
  private readonly adoptTokenFromOtherTab = (event: StorageEvent) => {
    if (event.key !== this.keys.token || !event.newValue || this.token) return;
    this.token = event.newValue;
    this.socket.greet();
  };

  private patch(patch: Partial<ChatState>): void {
    this.update({ ...this.current, ...patch });
  }

  /** Moves to the next state, and does what the change itself calls for: storage and the host page's events. */
  private update(next: ChatState): void {
    const before = this.current;
    if (next === before) return;
    this.current = next;
    if (next.pending !== before.pending) this.unsent.save(next.pending);
    const was = before.conversation;
    const now = next.conversation;
    if (now !== was) {
      if (now) writeStored(this.keys.active, now.status === 'ended' ? null : now.id);
      if (now && now.id !== was?.id && now.status !== 'ended') this.deps.notify({ type: 'conversationStart', conversation: now });
      if (now && was && now.id === was.id && was.status !== 'ended' && now.status === 'ended') this.deps.notify({ type: 'conversationEnd', conversation: now });
    }
    if (next.news !== before.news) for (const message of next.news.messages) this.deps.notify({ type: 'message', message });
    for (const listener of this.listeners) listener(next);
  }
}
