import { type ChatMessage, ErrorCode } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import { visitorName } from '../hub/views.js';
import type { ConversationRecord } from '../store/store.js';
import { adfLead } from './adf/adf-lead.js';
import { allMessages } from './all-messages.js';
import { composeMail } from './compose-mail.js';
import type { EmailDeps } from './email-deps.js';
import { welcomeFormEmail } from './form-email.js';
import { headerText } from './header-text.js';
import { leadMail } from './lead-mails.js';
import { outboxId } from './outbox-ids.js';
import { senderProfile } from './sender-profile.js';

/** The chat as a lead reads it: who said what, files by name; events and internal notes are left out. */
function conversationText(messages: readonly ChatMessage[], visitor: string): string {
  const lines: string[] = [];
  for (const message of messages) {
    if (message.kind === 'event') continue;
    const speaker = message.from === 'visitor' ? visitor : (message.name ?? 'Agent');
    lines.push(`${speaker}: ${message.kind === 'text' ? message.text : `[${message.file.name}]`}`);
  }
  return lines.join('\n');
}

/**
 * Seed 004's CRM update: an ended chat sent by its agent as a lead to one address of the room's
 * selection list, as the leave-a-message leads go: a readable lead (text and HTML) and, when the
 * visitor gave an email address (ADF needs a way to reach the customer), an ADF 1.0 XML lead.
 */
export class ChatLeads {
  constructor(private readonly deps: EmailDeps) {}

  async send(record: ConversationRecord, to: string): Promise<void> {
    const { settings, clock, outbox } = this.deps;
    if (!settings.enabled) throw new Refusal(ErrorCode.EMAIL_UNAVAILABLE, 'No mail server is configured: leads cannot be sent.');
    const room = this.deps.hub.directory.room(record.room);
    if (!room) throw new Refusal(ErrorCode.NOT_ALLOWED, 'This chat’s room no longer exists.');
    const profile = senderProfile(room, settings.publicProfile());
    const name = headerText(visitorName(record) ?? 'Visitor', 120);
    const email = welcomeFormEmail(record.form, room.welcomeForm) ?? '';
    const text = conversationText(await allMessages(this.deps.store, record.id), name);
    const result = record.disposition?.code ?? null;
    const lead = leadMail({
      company: profile.companyName,
      roomLabel: room.label,
      language: room.language,
      timeZone: room.timeZone,
      name,
      email,
      message: text,
      pageUrl: record.context.url ?? null,
      receivedAt: record.endedAt ?? clock.now(),
      chat: { agentName: record.agentName ?? 'Agent', result },
    });
    const replyTo = email ? { name, address: email } : undefined;
    const records = [composeMail(this.deps, { id: outboxId('chat-lead', record.id, to.toLowerCase()), kind: 'lead', room, to, content: lead, replyTo })];
    if (email) {
      const id = outboxId('chat-adf-lead', record.id, to.toLowerCase());
      const xml = adfLead({
        leadId: id,
        receivedAt: record.endedAt ?? clock.now(),
        customer: { name, email },
        message: result ? `${text}\n\nResult: ${result}` : text,
        vendor: { name: profile.companyName, email: profile.contactEmail },
        providerWord: room.adfProviderWord ?? null,
        providerWordPosition: room.adfProviderWordPosition,
        providerUrl: settings.publicUrl,
      });
      records.push(composeMail(this.deps, { id, kind: 'adf-lead', room, to, content: { subject: lead.subject, text: xml, html: null }, replyTo }));
    }
    await outbox.add(records);
  }
}
