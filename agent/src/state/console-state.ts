import type {
  AgentConversationView,
  AgentProfile,
  AgentRoomSettings,
  ChatMessage,
  ClientKind,
  ClientStatuses,
  OfferView,
  PastConversationSummary,
  RoomQueueView,
} from '@parley/shared';
import type { CannedReply } from '@parley/shared/settings';

/** A message the agent sent that the server has not acknowledged yet (kept and resent after a reconnect). */
export type PendingMessage = {
  clientId: string;
  kind: 'text' | 'file';
  /** The text, or the file's name for an upload. */
  text: string;
  state: 'sending' | 'failed';
  error: string | null;
};

/** One chat the agent holds (or held: an ended chat stays until its tab is closed). */
export type ChatTab = {
  conversation: AgentConversationView;
  /** Stored messages and events, in sequence order, each `seq` once. */
  messages: ChatMessage[];
  pending: PendingMessage[];
  /** Visitor messages that arrived while another tab was shown. */
  unread: number;
  typing: { active: boolean; draft: string | null };
  /** True when a reconnect showed the chat is no longer this agent's (ended or handed back meanwhile). */
  detached: boolean;
};

/** A visitor's earlier conversations in the room, as listed for the chat or offer with this id. */
export type PastList = { conversations: PastConversationSummary[]; total: number };

/** A transcript of an earlier conversation; `complete` once every message up to its lastSeq is here. */
export type Transcript = { messages: ChatMessage[]; complete: boolean };

export type Notice = { id: number; text: string; tone: 'info' | 'error' };

/** The agent's own settings the server keeps; `emailAlertsAvailable`: the server sends email and a room offers alerts. */
export type Preferences = { emailAlerts: boolean; emailAlertsAvailable: boolean };

export type ConsoleState = {
  agent: AgentProfile | null;
  client: ClientKind;
  statuses: ClientStatuses;
  rooms: AgentRoomSettings[];
  /** The agent's own canned replies (their rooms' are in `rooms`). */
  cannedReplies: CannedReply[];
  /** Offers for this agent, oldest waiting first. */
  offers: OfferView[];
  queues: RoomQueueView[];
  chats: ChatTab[];
  selected: string | null;
  /** The offer this console asked to accept: its chat is shown as soon as it is ours. */
  accepting: string | null;
  /** The console's browser tab is in the background: even the shown chat counts unread messages then. */
  pageHidden: boolean;
  past: Record<string, PastList>;
  transcripts: Record<string, Transcript>;
  notices: Notice[];
  /** Null until the server has said (right after welcome). */
  preferences: Preferences | null;
};

export function initialState(client: ClientKind): ConsoleState {
  return {
    agent: null,
    client,
    statuses: { browser: null, mobile: null },
    rooms: [],
    cannedReplies: [],
    offers: [],
    queues: [],
    chats: [],
    selected: null,
    accepting: null,
    pageHidden: false,
    past: {},
    transcripts: {},
    notices: [],
    preferences: null,
  };
}
