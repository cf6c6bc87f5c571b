import type { EmailAlertFrame, EmailTranscriptFrame, LeaveMessageFrame, VisitorClientFrame } from '@parley/shared';
import { newClientId } from '@parley/shared/client';
import type { ChatState, EmailKind } from './chat-state.js';

type EmailFrame = Omit<EmailTranscriptFrame, 'clientId'> | Omit<LeaveMessageFrame, 'clientId'> | Omit<EmailAlertFrame, 'clientId'>;

export type EmailRequestDeps = {
  send: (frame: VisitorClientFrame) => boolean;
  state: () => ChatState;
  update: (patch: Partial<ChatState>) => void;
  /** The visitor needs a session now (leaving a message before any chat). */
  wantSession: () => void;
};

/**
 * The visitor's email requests and where each stands. Each has a client id, so sending
 * it again after a reconnect asks for nothing new; those the server has not answered are sent
 * again after every welcome.
 */
export class EmailRequests {
  private readonly unanswered = new Map<string, { kind: EmailKind; frame: VisitorClientFrame }>();

  constructor(private readonly deps: EmailRequestDeps) {}

  /** The ended chat's transcript, to `email` or (without it) to the welcome form's address. */
  transcript(email?: string): void {
    const conversation = this.deps.state().conversation;
    if (conversation?.status === 'ended') this.ask('transcript', { type: 'emailTranscript', conversationId: conversation.id, ...(email ? { email } : {}) });
  }

  /** While waiting: be emailed when an agent is free ("Add Alert"). */
  alert(email?: string): void {
    const conversation = this.deps.state().conversation;
    if (conversation?.status === 'waiting') this.ask('alert', { type: 'emailAlert', conversationId: conversation.id, ...(email ? { email } : {}) });
  }

  /** Nobody is available: leave a message (it needs a session, which this asks for). */
  leaveMessage(message: { name: string; email: string; message: string }): void {
    this.ask('message', { type: 'leaveMessage', ...message });
    this.deps.wantSession();
  }

  private ask(kind: EmailKind, request: EmailFrame): void {
    const clientId = newClientId('w');
    const frame = { ...request, clientId } as VisitorClientFrame;
    this.unanswered.set(clientId, { kind, frame });
    this.set(kind, { clientId, state: 'sending', to: 'email' in request ? (request.email ?? null) : null, problem: null });
    this.deps.send(frame);
  }

  /** After a welcome: what the server has not answered yet. */
  resend(): void {
    for (const { frame } of this.unanswered.values()) this.deps.send(frame);
  }

  /** The server answered a request (recorded it, or refused it: the state says which); nothing to send again. */
  answered(clientId: string): void {
    this.unanswered.delete(clientId);
  }

  /** A new chat: its transcript and alert start over (a left message stays as it went). */
  reset(): void {
    for (const [clientId, { kind }] of this.unanswered) if (kind !== 'message') this.unanswered.delete(clientId);
    const { message } = this.deps.state().email;
    this.deps.update({ email: message ? { message } : {} });
  }

  private set(kind: EmailKind, request: NonNullable<ChatState['email'][EmailKind]>): void {
    this.deps.update({ email: { ...this.deps.state().email, [kind]: request } });
  }
}
