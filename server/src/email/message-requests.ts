import { type EmailQueuedFrame, ErrorCode, LEAVE_MESSAGE_NAME_MAX, type LeaveMessageFrame } from '@parley/shared';
import type { RoomEntry } from '../config/directory.js';
import type { EmailRequester } from '../core/party.js';
import { Refusal } from '../core/refusal.js';
import type { OutboxRecord } from '../store/outbox-record.js';
import { adfLead } from './adf/adf-lead.js';
import { composeMail } from './compose-mail.js';
import type { EmailDeps } from './email-deps.js';
import { headerText } from './header-text.js';
import { leadMail, receiptMail } from './lead-mails.js';
import { outboxId } from './outbox-ids.js';
import { senderProfile } from './sender-profile.js';

export type LeftMessage = {
  requester: EmailRequester;
  /** The room the visitor is in, and how they named it (a room, or an agent's private room). */
  entry: RoomEntry;
  /** The page they wrote from, as their browser said. */
  pageUrl: string | null;
  frame: LeaveMessageFrame;
};

/**
 * "Leave email message when there is no idle agent", delivered as the offline
 * contact lead: to each of the room's sales lead addresses (default: its contact email), as an
 * ADF 1.0 XML lead to its XML lead address when it has one, and a short receipt to the visitor.
 * Taken whatever the room's availability, so a message typed while an agent came back is not lost.
 */
export class MessageRequests {
  constructor(private readonly deps: EmailDeps) {}

  async leave({ requester, entry, pageUrl, frame }: LeftMessage): Promise<EmailQueuedFrame> {
    const { outbox, guard, settings, clock } = this.deps;
    const room = entry.room;
    if (!settings.enabled || !room.leaveMessage) throw new Refusal(ErrorCode.EMAIL_UNAVAILABLE, 'Messages cannot be left here.');
    const answer: EmailQueuedFrame = { type: 'emailQueued', clientId: frame.clientId, request: 'message', to: frame.email };
    // A name is one line, wherever it goes (subject, Reply-To, the lead, the ADF contact).
    const name = headerText(frame.name, LEAVE_MESSAGE_NAME_MAX);
    const request = [requester.visitorId, frame.clientId];
    const receiptId = outboxId('receipt', ...request);
    if (await this.deps.store.outbox.state(receiptId)) return answer;
    const ask = { requester, to: frame.email, room: room.name };
    guard.check(ask);

    const profile = senderProfile(room, settings.publicProfile());
    const salesAddresses = room.salesLeadAddresses?.length ? room.salesLeadAddresses : profile.contactEmail ? [profile.contactEmail] : [];
    const privateAgent = entry.privateFor === null ? null : this.deps.hub.directory.agent(entry.privateFor)?.name;
    const roomLabel = privateAgent ? `${room.label} (${privateAgent})` : room.label;
    const receivedAt = clock.now();
    const lead = leadMail({
      company: profile.companyName,
      roomLabel,
      language: room.language,
      timeZone: room.timeZone,
      name,
      email: frame.email,
      message: frame.message,
      pageUrl,
      receivedAt,
    });
    const visitor = { name, address: frame.email };
    const records: OutboxRecord[] = salesAddresses.map((to) =>
      composeMail(this.deps, { id: outboxId('lead', ...request, to.toLowerCase()), kind: 'lead', room, to, content: lead, replyTo: visitor }),
    );
    if (room.xmlLeadAddress) {
      const id = outboxId('adf-lead', ...request);
      const xml = adfLead({
        leadId: id,
        receivedAt,
        customer: { name, email: frame.email },
        message: frame.message,
        vendor: { name: profile.companyName, email: profile.contactEmail },
        providerWord: room.adfProviderWord ?? null,
        providerWordPosition: room.adfProviderWordPosition,
        providerUrl: settings.publicUrl,
      });
      records.push(
        composeMail(this.deps, {
          id,
          kind: 'adf-lead',
          room,
          to: room.xmlLeadAddress,
          content: { subject: lead.subject, text: xml, html: null },
          replyTo: visitor,
        }),
      );
    }
    records.push(
      composeMail(this.deps, {
        id: receiptId,
        kind: 'message-receipt',
        room,
        to: frame.email,
        content: receiptMail({ company: profile.companyName, language: room.language }),
      }),
    );
    await outbox.add(records);
    guard.count(ask);
    return answer;
  }
}
