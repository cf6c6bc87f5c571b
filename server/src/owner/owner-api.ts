import type {
  AckFrame,
  AgentStatus,
  AgentWelcomeFrame,
  ChatMessage,
  ChosenStatus,
  ClientKind,
  EmailAlertFrame,
  EmailQueuedFrame,
  EmailTranscriptFrame,
  FileInfo,
  FormAnswers,
  HistoryFrame,
  LeaveMessageFrame,
  PastConversationsFrame,
  SupervisorView,
  VisitorConversationView,
} from '@parley/shared';
import type { EmailRequester, Party } from '../core/party.js';
import type { ConversationRecord } from '../store/store.js';

/**
 * A connection anywhere in the cluster, as `node/number`: the `skip` of a frame that its own
 * connection already answered (an ack instead of the sender's own message).
 */
export type ConnectionRef = string;

export type StartCall = {
  visitorId: string;
  /** The room as the page named it: a room, or an agent's private room. */
  roomName: string;
  form: FormAnswers;
  context: ConversationRecord['context'];
  origin: ConnectionRef;
};

export type VisitorHello = {
  conversation: VisitorConversationView | null;
  /** The visitor's place in the queue while their conversation waits. */
  position: number | null;
};

/**
 * What the gateway and the HTTP routes ask of the routing owner: the one process that holds the
 * queues, the offers and the open conversations (the hub) and sends email. On one node it is this
 * process; on several, each call may travel to the node that holds the routing lease (cluster/).
 * So every call is asynchronous and everything it takes and gives is plain data, but for the
 * `greet` of a hello: it runs here, at the very moment the welcome is made, before anything the
 * owner sends afterwards reaches this process (so the connection is counted in exactly then, and
 * hears what follows its welcome, nothing from before). Refusals (a `Refusal`) come back as
 * refusals wherever the call was made.
 */
export interface OwnerApi {
  /** A visitor's page said hello: they are here, and `greet` gets their open conversation in the room. */
  visitorHello(visitorId: string, roomName: string, greet: (hello: VisitorHello) => void): Promise<void>;
  /** One of the visitor's pages closed. */
  visitorGone(visitorId: string): Promise<void>;
  hasOpen(visitorId: string, roomName: string): Promise<boolean>;
  start(call: StartCall): Promise<VisitorConversationView>;
  askAll(visitorId: string, conversationId: string): Promise<VisitorConversationView>;
  /** The visitor keeps waiting after the room's maximum wait. */
  keepWaiting(visitorId: string, conversationId: string): Promise<VisitorConversationView>;

  send(party: Party, frame: { conversationId: string; clientId: string; text: string }, origin: ConnectionRef): Promise<AckFrame>;
  typing(party: Party, frame: { conversationId: string; active: boolean; draft?: string | undefined }): Promise<void>;
  history(party: Party, conversationId: string, afterSeq: number): Promise<HistoryFrame>;
  end(party: Party, conversationId: string): Promise<void>;
  readable(party: Party, conversationId: string): Promise<ConversationRecord>;
  writable(party: Party, conversationId: string): Promise<ConversationRecord>;
  sendFile(party: Party, conversationId: string, clientId: string, file: FileInfo): Promise<{ ack: AckFrame; message: ChatMessage }>;

  /** An agent's connection said hello: `greet` gets the welcome, as of the moment they are counted in. */
  agentHello(agentId: string, client: ClientKind, status: AgentStatus | undefined, greet: (welcome: AgentWelcomeFrame) => void): Promise<void>;
  agentGone(agentId: string, client: ClientKind): Promise<void>;
  setStatus(agentId: string, client: ClientKind, status: ChosenStatus): Promise<void>;
  accept(agentId: string, client: ClientKind, conversationId: string): Promise<void>;
  pastConversations(agentId: string, conversationId: string): Promise<PastConversationsFrame>;
  /** An internal note in a conversation the agent serves or served. */
  note(agentId: string, frame: { conversationId: string; clientId: string; text: string }): Promise<void>;
  /** The result code (and a note) for a chat the agent served, once it ended. */
  disposition(agentId: string, conversationId: string, code: string | null, note: string | null): Promise<void>;
  /** Sends a chat the agent served, once ended, as a lead to an address of its room's CRM list, or (null) records "Do Not Send". */
  lead(agentId: string, conversationId: string, to: string | null): Promise<void>;
  /** Hands a chat the agent serves to another agent, or to a room's queue. */
  transfer(agentId: string, conversationId: string, to: { agentId: string } | { room: string }, note: string | null): Promise<void>;
  /**
   * These sockets of the agent were signed out (a session ended): counted out at once, and a
   * client with none left goes off duty without a grace period; chats go back to the queue only
   * if the agent has no client left. The agent's other sessions carry on.
   */
  signOutSockets(agentId: string, sockets: Partial<Record<ClientKind, number>>): Promise<void>;

  emailTranscript(requester: EmailRequester, frame: EmailTranscriptFrame): Promise<EmailQueuedFrame>;
  leaveMessage(call: { requester: EmailRequester; roomName: string; pageUrl: string | null; frame: LeaveMessageFrame }): Promise<EmailQueuedFrame>;
  emailAlert(requester: EmailRequester, frame: EmailAlertFrame): Promise<EmailQueuedFrame>;

  supervisor(room: string): Promise<SupervisorView>;
  /** Null when the room can be deleted now, else why not. */
  whyRoomIsBusy(room: string): Promise<string | null>;
}
