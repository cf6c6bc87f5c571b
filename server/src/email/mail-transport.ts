import { createTransport } from 'nodemailer';
import type { OutgoingMail } from '../store/outbox-record.js';

/**
 * Why an email was not sent, in the terms the outbox acts on:
 * - `server`: the mail server could not be reached or would not take mail at all (connection,
 *   TLS, authentication, its greeting). Not this email's fault: the outbox waits before trying any.
 * - `message`: the server refused this email (its recipient or content). `permanent` (a 5xx
 *   reply) gives it up; otherwise (a 4xx reply) it is tried again later.
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly scope: 'server' | 'message',
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

/** Sends one rendered email; resolves once the mail server accepted it, else throws a MailSendError. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Replies to these SMTP commands concern one email; failures anywhere else concern the server. */
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);

type NodemailerError = Error & { code?: string; command?: string; responseCode?: number; permanent?: boolean };

export function classify(error: unknown): MailSendError {
  if (error instanceof MailSendError) return error;
  const failure = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const reason = failure.message.replace(/\s+/g, ' ').slice(0, 300);
  if (failure.command && MESSAGE_COMMANDS.has(failure.command) && failure.responseCode) {
    return new MailSendError(reason, 'message', failure.permanent === true || failure.responseCode >= 500);
  }
  return new MailSendError(reason, 'server', false);
}

/**
 * SMTP through nodemailer, from `SMTP_URL`. A connection per email (an outbox sends little, and a
 * fresh connection finds a restarted mail server at once). The envelope is set explicitly: the
 * one recipient, whatever the headers say. Nodemailer may read no files or URLs for content.
 */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          from: mail.from.name ? { name: mail.from.name, address: mail.from.address } : mail.from.address,
          to: mail.to,
          ...(mail.replyTo ? { replyTo: mail.replyTo.name ? { name: mail.replyTo.name, address: mail.replyTo.address } : mail.replyTo.address } : {}),
          subject: mail.subject,
          text: mail.text,
          ...(mail.html !== null ? { html: mail.html } : {}),
          messageId: mail.messageId,
          date: new Date(mail.date),
          envelope: { from: mail.from.address, to: [mail.to] },
          // RFC 3834: sent by a program, so vacation responders leave it alone.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transporter.close(),
  };
}
