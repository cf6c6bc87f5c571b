import { format } from '../../i18n/index.js';
import type { ChatState } from '../chat/chat-state.js';
import { Avatar } from './avatar.js';
import { ChatEnded } from './chat-ended.js';
import { Composer } from './composer.js';
import { EmailRequestForm } from './email-request-form.js';
import { LeaveMessage } from './leave-message.js';
import { MessageList } from './message-list.js';
import { useWidget } from './widget-context.js';

/** "Mechanic" within a sentence: lower case, except in German, where nouns keep their capital. */
export function roleInSentence(role: string, language: string): string {
  return language === 'de' ? role : role.toLowerCase();
}

/**
 * What the visitor is waiting for: "Ask All Agents" (sticky rooms) and "Add Alert"
 * (rooms with email alerts: be emailed when an agent is free).
 */
function WaitingStatus({ state, choosing }: { state: ChatState; choosing: boolean }) {
  const { strings, role, controller, settings } = useWidget();
  const conversation = state.conversation!;
  const sticky = conversation.phase === 'sticky';
  return (
    <div class="banner">
      <p>{format(sticky ? strings.stickyWaiting : strings.waiting, { role: roleInSentence(role, settings.language) })}</p>
      {state.queuePosition !== null && <p>{format(strings.queuePosition, { n: state.queuePosition })}</p>}
      {sticky && (
        <button type="button" class="secondary" onClick={() => controller.askAll()}>
          {strings.askAll}
        </button>
      )}
      {choosing && (
        <>
          <LeaveMessage intro={strings.waitedTooLong} />
          <button type="button" class="secondary" onClick={() => controller.keepWaiting()}>
            {strings.keepWaiting}
          </button>
        </>
      )}
      {settings.email.alert && (
        <EmailRequestForm
          kind="alert"
          label={strings.addAlert}
          hint={strings.alertHint}
          queued={strings.alertQueued}
          onSend={(email) => controller.emails.alert(email)}
        />
      )}
    </div>
  );
}

/** A conversation, waiting, active or ended, with the message box or the way to a new chat. */
export function ConversationView({ state }: { state: ChatState }) {
  const { strings, settings } = useWidget();
  const conversation = state.conversation!;
  const ended = conversation.status === 'ended';
  // Past the room's maximum wait: leave a message or keep waiting (the message box returns with the latter).
  const choosing = conversation.status === 'waiting' && !!conversation.waitedTooLong && settings.email.leaveMessage;
  return (
    <>
      {conversation.status === 'waiting' && <WaitingStatus state={state} choosing={choosing} />}
      {conversation.status === 'active' && conversation.agentName && (
        <p class="banner">
          <Avatar name={conversation.agentName} />
          {format(strings.chattingWith, { name: conversation.agentName })}
        </p>
      )}
      <MessageList messages={state.messages} pending={state.pending} uploads={state.uploads} />
      {state.agentTyping && !ended && (
        <p class="typing" aria-hidden="true">
          {format(strings.typing, { name: conversation.agentName ?? '' })}
        </p>
      )}
      {ended ? <ChatEnded /> : !choosing && <Composer canAttach={settings.attachments.visitor} />}
    </>
  );
}
