import type { RoomConfig } from '@parley/shared/settings';
import type { MailAddress, OutboxKind, OutboxRecord } from '../store/outbox-record.js';
import type { EmailDeps } from './email-deps.js';
import { headerText } from './header-text.js';
import { senderProfile } from './sender-profile.js';

/** An email's words: a subject, plain text, and HTML when it has any. */
export type MailContent = { subject: string; text: string; html: string | null };

export type MailRequest = {
  id: string;
  kind: OutboxKind;
  room: RoomConfig;
  to: string;
  content: MailContent;
  /** Default: the room's contact email (public profile). */
  replyTo?: MailAddress | null;
  /** A held email waits for `release` (visitors' alerts). */
  hold?: OutboxRecord['hold'];
};

/**
 * An outbox record for one recipient: sent as the room's company (public profile) from
 * EMAIL_FROM, answered to its contact email, under a Message-ID made from the outbox id. Every
 * header field passes through `headerText`; addresses were checked by `isEmailAddress`.
 */
export function composeMail({ clock, settings }: Pick<EmailDeps, 'clock' | 'settings'>, request: MailRequest): OutboxRecord {
  const profile = senderProfile(request.room, settings.publicProfile());
  const company = headerText(profile.companyName, 80);
  const now = clock.now();
  const replyTo = request.replyTo !== undefined ? request.replyTo : profile.contactEmail ? { name: company, address: profile.contactEmail } : null;
  return {
    id: request.id,
    kind: request.kind,
    room: request.room.name,
    mail: {
      from: { name: company, address: settings.from },
      to: request.to,
      replyTo: replyTo && { name: replyTo.name === null ? null : headerText(replyTo.name, 80), address: replyTo.address },
      subject: headerText(request.content.subject, 200),
      text: request.content.text,
      html: request.content.html,
      messageId: `<${request.id}@${settings.from.slice(settings.from.lastIndexOf('@') + 1)}>`,
      date: now,
    },
    hold: request.hold ?? null,
    state: request.hold ? 'held' : 'pending',
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
  };
}
