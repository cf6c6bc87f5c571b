import type { WelcomeFieldView } from '@parley/shared';
import { LEAVE_MESSAGE_NAME_MAX } from '@parley/shared/email-address';
import { Limits } from '@parley/shared/limits';
import { format } from '../../i18n/index.js';
import { emailProblemText } from './email-problem.js';
import { WelcomeForm } from './welcome-form.js';
import { useChatState, useWidget } from './widget-context.js';

/**
 * "Leave an email message when there is no idle agent": name, email and message, checked
 * as the welcome form checks its fields, then sent to the room's sales addresses by the server.
 * Also offered, with its own `intro`, to a visitor who waited past the room's maximum wait.
 */
export function LeaveMessage({ intro }: { intro?: string }) {
  const { strings, controller } = useWidget();
  const state = useChatState();
  const request = state.email.message;
  if (request?.state === 'queued') {
    return (
      <p class="notice" role="status">
        {format(strings.messageQueued, { email: request.to ?? '' })}
      </p>
    );
  }
  const fields: WelcomeFieldView[] = [
    { key: 'name', type: 'text', label: strings.leaveName, rule: 'required', maxLength: LEAVE_MESSAGE_NAME_MAX },
    { key: 'email', type: 'email', label: strings.leaveEmail, rule: 'required' },
    { key: 'message', type: 'textarea', label: strings.leaveText, rule: 'required', maxLength: Limits.messageText },
  ];
  return (
    <>
      {request?.state === 'refused' && (
        <p class="notice problem" role="alert">
          {emailProblemText(request.problem, strings)}
        </p>
      )}
      <WelcomeForm
        fields={fields}
        identity={{ ...state.identity, email: state.knownEmail ?? state.identity.email }}
        remembered={state.remembered}
        strings={strings}
        busy={request?.state === 'sending'}
        intro={intro ?? strings.leaveMessageIntro}
        submit={[strings.leaveSend, strings.emailSending]}
        onSubmit={(answers) => controller.emails.leaveMessage({ name: String(answers.name), email: String(answers.email), message: String(answers.message) })}
      />
    </>
  );
}
