import { type ChatMessage, type EmailQueuedFrame, type EmailTranscriptFrame, ErrorCode, isEmailAddress } from '@parley/shared';
import type { RoomConfig } from '@parley/shared/settings';
import type { EmailRequester } from '../core/party.js';
import { Refusal } from '../core/refusal.js';
import { visitorName } from '../hub/views.js';
import type { ConversationRecord } from '../store/store.js';
import { allMessages } from './all-messages.js';
import { composeMail } from './compose-mail.js';
import type { EmailDeps } from './email-deps.js';
import { welcomeFormEmail } from './form-email.js';
import { outboxId } from './outbox-ids.js';
import { senderProfile } from './sender-profile.js';
import { transcriptMail } from './transcript-mail.js';

/**
 * "Email Transcript": at the end of a chat an agent took part in, the visitor may have
 * it emailed, to the welcome form's address or one they type; the room's transcript addresses
 * get a copy. Asking again for the same address records nothing new, and the room's
 * copy of a conversation goes once, whoever asks.
 */
export class TranscriptRequests {
  constructor(private readonly deps: EmailDeps) {}

  async request(requester: EmailRequester, frame: EmailTranscriptFrame): Promise<EmailQueuedFrame> {
    const { hub, outbox, guard, settings } = this.deps;
    const record = await hub.messaging.readable({ kind: 'visitor', visitorId: requester.visitorId }, frame.conversationId);
    const room = hub.directory.room(record.room);
    if (!settings.enabled || !room?.emailTranscript) throw new Refusal(ErrorCode.EMAIL_UNAVAILABLE, 'Transcripts are not sent by email here.');
    if (record.status !== 'ended') throw new Refusal(ErrorCode.EMAIL_UNAVAILABLE, 'The transcript can be sent once the chat has ended.');
    const to = frame.email ?? welcomeFormEmail(record.form, room.welcomeForm);
    if (!to || !isEmailAddress(to)) throw new Refusal(ErrorCode.EMAIL_ADDRESS_INVALID, 'Which address should the transcript go to? Type your email address.');
    const answer: EmailQueuedFrame = { type: 'emailQueued', clientId: frame.clientId, request: 'transcript', to };

    const ownId = outboxId('transcript', record.id, to.toLowerCase());
    if (await this.deps.store.outbox.state(ownId)) return answer;
    const messages = await allMessages(this.deps.store, record.id);
    if (!messages.some((m) => m.kind === 'event' && m.event === 'agent-joined')) {
      throw new Refusal(ErrorCode.EMAIL_UNAVAILABLE, 'There is no transcript to send: nobody answered this chat.');
    }
    const copies = (room.transcriptAddresses ?? []).filter((copy) => copy.toLowerCase() !== to.toLowerCase());
    // A request that copies the room's transcript addresses counts against the room's hourly cap.
    const ask = { requester, to, room: copies.length > 0 ? room.name : null };
    guard.check(ask);
    const content = await this.render(record, room, messages);
    const recipients = [to, ...copies];
    await outbox.add(
      recipients.map((address) =>
        composeMail(this.deps, { id: outboxId('transcript', record.id, address.toLowerCase()), kind: 'transcript', room, to: address, content }),
      ),
    );
    guard.count(ask);
    return answer;
  }

  private async render(record: ConversationRecord, room: RoomConfig, messages: ChatMessage[]) {
    const { sessions, clock, settings } = this.deps;
    const hasFiles = messages.some((m) => m.kind === 'file');
    const linksUntil = hasFiles ? clock.now() + settings.linkMs : null;
    // One token for this transcript's links: it reads this conversation's files and nothing else.
    const token = linksUntil === null ? null : await sessions.grantFiles(record.id, linksUntil);
    return transcriptMail({
      company: senderProfile(room, settings.publicProfile()).companyName,
      language: room.language,
      timeZone: room.timeZone,
      visitorName: visitorName(record),
      startedAt: record.createdAt,
      messages,
      fileLink: (file) => (token ? `${settings.publicUrl}/api/files/${encodeURIComponent(file.id)}?key=${token}` : null),
      linksUntil,
    });
  }
}
