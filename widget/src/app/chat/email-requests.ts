import type { EmailAlertFrame, EmailQueuedFrame, EmailTranscriptFrame, ErrorFrame, LeaveMessageFrame } from '@parley/shared';
import { newClientId } from '../services/client-id.js';
import type { ChatState, EmailKind } from './chat-state.js';

type EmailFrame = Omit<EmailTranscriptFrame, 'clientId'> | Omit<LeaveMessageFrame, 'clientId'> | Omit<EmailAlertFrame, 'clientId'>;

/**
 * The email requests in flight. Each has a client id, so sending it again after a reconnect asks
 * for nothing new; those the server has not answered are sent again after every welcome.
 */
export class EmailRequests {
  private readonly unanswered = new Map<string, { kind: EmailKind; frame: object }>();

  constructor(
    private readonly send: (frame: object) => boolean,
    private readonly state: () => ChatState,
    private readonly update: (patch: Partial<ChatState>) => void,
  ) {}

  ask(kind: EmailKind, request: EmailFrame): void {
    const clientId = newClientId();
    const frame = { ...request, clientId };
    this.unanswered.set(clientId, { kind, frame });
    this.set(kind, { clientId, state: 'sending', to: 'email' in request ? (request.email ?? null) : null, problem: null });
    this.send(frame);
  }

  /** After a welcome: what the server has not answered yet. */
  resend(): void {
    for (const { frame } of this.unanswered.values()) this.send(frame);
  }

  queued(frame: EmailQueuedFrame): void {
    const pending = this.unanswered.get(frame.clientId);
    if (!pending) return;
    this.unanswered.delete(frame.clientId);
    this.set(pending.kind, { clientId: frame.clientId, state: 'queued', to: frame.to, problem: null });
  }

  /** An error about one of these requests; false when it is about something else. */
  refused(frame: ErrorFrame): boolean {
    const pending = frame.ref === undefined ? undefined : this.unanswered.get(frame.ref);
    if (!pending) return false;
    this.unanswered.delete(frame.ref!);
    this.set(pending.kind, { clientId: frame.ref!, state: 'refused', to: null, problem: frame.code });
    return true;
  }

  /** A new chat: its transcript and alert start over (a left message stays as it went). */
  reset(): void {
    for (const [clientId, { kind }] of this.unanswered) if (kind !== 'message') this.unanswered.delete(clientId);
    const { message } = this.state().email;
    this.update({ email: message ? { message } : {} });
  }

  private set(kind: EmailKind, request: NonNullable<ChatState['email'][EmailKind]>): void {
    this.update({ email: { ...this.state().email, [kind]: request } });
  }
}
