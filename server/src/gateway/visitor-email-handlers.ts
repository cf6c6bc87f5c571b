import type { EmailAlertFrame, EmailTranscriptFrame, LeaveMessageFrame, VisitorContext } from '@parley/shared';
import type { Email } from '../email/create-email.js';
import type { RoomEntry } from '../hub/directory.js';
import type { Connection } from '../transport/transport.js';

/** What the email handlers need of a visitor's session. */
type EmailSession = { connection: Connection; entry: RoomEntry; context: VisitorContext | undefined };

/**
 * The visitor endpoint's email frames: each is handed to email (which records what is to be sent
 * before answering) and answered with `emailQueued`; refusals become `error` frames in the pipeline.
 */
export function visitorEmailHandlers<S extends EmailSession>(email: Email, visitorOf: (session: S) => string) {
  const answer = (session: S, frame: object) => session.connection.send(JSON.stringify(frame));
  return {
    async emailTranscript(session: S, frame: EmailTranscriptFrame) {
      answer(session, await email.transcripts.request(visitorOf(session), frame));
    },
    async leaveMessage(session: S, frame: LeaveMessageFrame) {
      answer(session, await email.messages.leave({ visitorId: visitorOf(session), entry: session.entry, pageUrl: session.context?.url ?? null, frame }));
    },
    async emailAlert(session: S, frame: EmailAlertFrame) {
      answer(session, await email.alerts.request(visitorOf(session), frame));
    },
  };
}
