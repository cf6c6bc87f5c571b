import { format } from '../../i18n/index.js';
import { EmailRequestForm } from './email-request-form.js';
import { useChatState, useWidget } from './widget-context.js';

/**
 * The end of a conversation: it says so and offers a new chat, and ("Email Transcript")
 * the transcript by email when the room sends it and an agent took part.
 */
export function ChatEnded() {
  const { strings, controller, settings } = useWidget();
  const { conversation, email } = useChatState();
  // It ended because the visitor left a message instead of waiting on: say where the answer goes.
  const left = email.message?.state === 'queued' ? email.message : null;
  return (
    <div class="ended">
      <p>{left ? format(strings.messageQueued, { email: left.to ?? '' }) : strings.ended}</p>
      {settings.email.transcript && conversation?.agentName && (
        <EmailRequestForm
          kind="transcript"
          label={strings.emailTranscript}
          queued={strings.transcriptQueued}
          onSend={(email) => controller.emails.transcript(email)}
        />
      )}
      <button type="button" class="primary" onClick={() => controller.newChat()}>
        {strings.newChat}
      </button>
    </div>
  );
}
