import type { ChatMessage, VisitorConversationView, WidgetSettings } from '@parley/shared';
import type { ConnectionState } from '@parley/shared/client';
import type { Identity } from '../../host-contract.js';

/** A message shown before the server acknowledged it (local echo); kept in storage until then, unless `failed`. */
export type PendingText = { clientId: string; conversationId: string; text: string; at: number; failed: boolean };

export type UploadProblem = 'tooLarge' | 'type' | 'failed';

/** A file on its way up, with its progress (0 to 1) and, for images, a local preview. */
export type UploadItem = {
  clientId: string;
  /** When the visitor sent it: a refused one keeps its place among the messages by it. */
  at: number;
  name: string;
  size: number;
  previewUrl: string | null;
  progress: number;
  problem: UploadProblem | null;
};

export type StartProblem = { code: string; message: string };

/** The widget's email requests: a transcript, a left message, an alert. */
export type EmailKind = 'transcript' | 'message' | 'alert';

/** Where one stands: on its way to the server, recorded there (`to`: where it goes), or refused (`problem`: the error code). */
export type EmailRequest = { clientId: string; state: 'sending' | 'queued' | 'refused'; to: string | null; problem: string | null };

/** Everything the chat window shows, in one object; components only read it. */
export type ChatState = {
  connection: ConnectionState;
  /** The room's public settings: from the settings request, then as the server pushes changes an admin saves. */
  settings: WidgetSettings;
  /** The room's availability rules, as the server last said. */
  available: boolean;
  open: boolean;
  /** The current conversation (possibly ended, until the visitor starts a new one). */
  conversation: VisitorConversationView | null;
  /** Stored messages, by sequence number, each once. */
  messages: ChatMessage[];
  pending: PendingText[];
  uploads: UploadItem[];
  agentTyping: boolean;
  queuePosition: number | null;
  starting: boolean;
  startProblem: StartProblem | null;
  /** Agent messages the visitor has not seen yet. */
  unread: number;
  /** The messages that arrived live in the last update (not history): what screen readers announce. */
  news: { serial: number; messages: ChatMessage[] };
  identity: Identity;
  email: Partial<Record<EmailKind, EmailRequest>>;
  /** The address the visitor gave in the welcome form on this page: email forms start from it. */
  knownEmail: string | null;
  /** The text answers of their last welcome form in this room (kept in the browser): forms start from them. */
  remembered: Record<string, string>;
};

export function initialState(settings: WidgetSettings): ChatState {
  return {
    connection: 'idle',
    settings,
    available: settings.available,
    open: false,
    conversation: null,
    messages: [],
    pending: [],
    uploads: [],
    agentTyping: false,
    queuePosition: null,
    starting: false,
    startProblem: null,
    unread: 0,
    news: { serial: 0, messages: [] },
    identity: {},
    email: {},
    knownEmail: null,
    remembered: {},
  };
}

/** Things the rest of the widget reacts to: the host page's events, sounds, the title bar. */
export type ChatEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'conversationStart'; conversation: VisitorConversationView }
  | { type: 'conversationEnd'; conversation: VisitorConversationView }
  | { type: 'availability'; available: boolean }
  | { type: 'open' }
  | { type: 'close' };
