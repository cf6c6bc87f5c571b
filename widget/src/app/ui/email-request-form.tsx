import { isEmailAddress } from '@parley/shared/email-address';
import { useEffect, useRef, useState } from 'preact/hooks';
import { format } from '../../i18n/index.js';
import type { EmailKind } from '../chat/chat-state.js';
import { emailProblemText } from './email-problem.js';
import { useChatState, useWidget } from './widget-context.js';

type Props = {
  kind: Exclude<EmailKind, 'message'>;
  /** The button that opens the form ("Email me the transcript", "Add alert"). */
  label: string;
  hint?: string;
  /** Said once the server has recorded it; `{email}` is where it goes. */
  queued: string;
  onSend(email: string | undefined): void;
};

/**
 * An email the visitor asks for with one address: a button, then the address (prefilled with
 * the one they gave in the welcome form; left empty, the server uses that one), then what became
 * of it. Problems are said in words, next to the field or the button.
 */
export function EmailRequestForm({ kind, label, hint, queued, onSend }: Props) {
  const { strings } = useWidget();
  const state = useChatState();
  const request = state.email[kind];
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState(state.knownEmail ?? state.identity.email ?? '');
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  if (request?.state === 'queued') {
    return (
      <p class="notice" role="status">
        {format(queued, { email: request.to ?? '' })}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  const typed = address.trim();
  const wrong = tried && typed !== '' && !isEmailAddress(typed);
  const id = `pw-${kind}-email`;
  return (
    <form
      class="form email-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (typed !== '' && !isEmailAddress(typed)) return input.current?.focus();
        onSend(typed || undefined);
      }}
    >
      {hint && <p class="intro">{hint}</p>}
      <div class="field">
        <label for={id}>{strings.emailAddress}</label>
        <input
          ref={input}
          id={id}
          type="email"
          autocomplete="email"
          maxLength={254}
          value={address}
          aria-invalid={wrong ? 'true' : undefined}
          aria-describedby={wrong ? `${id}-error` : undefined}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        {wrong && (
          <p class="error" id={`${id}-error`}>
            {strings.errorEmail}
          </p>
        )}
      </div>
      {request?.state === 'refused' && (
        <p class="notice problem" role="alert">
          {emailProblemText(request.problem, strings)}
        </p>
      )}
      <button type="submit" class="primary" disabled={request?.state === 'sending'}>
        {request?.state === 'sending' ? strings.emailSending : strings.emailSend}
      </button>
    </form>
  );
}
