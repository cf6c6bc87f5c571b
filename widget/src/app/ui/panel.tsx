import type { FormAnswers } from '@parley/shared';
import { useEffect, useRef } from 'preact/hooks';
import { format } from '../../i18n/index.js';
import type { ChatState } from '../chat/chat-state.js';
import { Announcer } from './announcer.js';
import { ConversationView } from './conversation-view.js';
import { Header } from './header.js';
import { Unavailable } from './unavailable.js';
import { WelcomeForm } from './welcome-form.js';
import { useChatState, useWidget } from './widget-context.js';

function StartProblem({ state }: { state: ChatState }) {
  const { strings } = useWidget();
  const problem = state.startProblem;
  if (!problem) return null;
  const text =
    problem.code === 'ROOM_UNAVAILABLE'
      ? strings.unavailable
      : problem.code === 'FORM_INVALID'
        ? format(strings.formRefused, { details: problem.message })
        : problem.message;
  return (
    <p class="notice problem" role="alert">
      {text}
    </p>
  );
}

/** Before a conversation: the welcome form, or the news that nobody is available. */
function Welcome({ state }: { state: ChatState }) {
  const { settings, strings, controller } = useWidget();
  const greeting = settings.branding.greeting;
  if (!state.available && !state.starting) return <Unavailable />;
  return (
    <>
      {greeting && <p class="greeting">{greeting}</p>}
      <StartProblem state={state} />
      <WelcomeForm
        fields={settings.welcomeForm}
        identity={state.identity}
        remembered={state.remembered}
        strings={strings}
        busy={state.starting}
        onSubmit={(answers: FormAnswers) => controller.startConversation(answers)}
      />
    </>
  );
}

/**
 * The chat window: a non-modal dialog named by its header. Opening it moves the focus to the
 * first thing to fill in; Escape closes it (the launcher gets the focus back).
 */
export function Panel() {
  const { strings, layout, close } = useWidget();
  const state = useChatState();
  const panel = useRef<HTMLElement>(null);
  const open = layout === 'page' || state.open;
  const inChat = state.conversation !== null || state.starting;
  // Dropped, or offline: it comes back by itself. Closed for good: only a reload helps.
  const notice =
    inChat && (state.connection === 'retrying' || state.connection === 'offline')
      ? strings.reconnecting
      : inChat && state.connection === 'closed'
        ? strings.disconnected
        : null;
  // Reopened as the visitor left it on the last page: the page keeps its focus until they act.
  const restored = useRef(open && layout === 'launcher');

  useEffect(() => {
    if (restored.current) {
      restored.current = false;
      return;
    }
    if (!open) return;
    const target = panel.current?.querySelector<HTMLElement>('#pw-message, .form input:not([type=hidden]), .form select, .form textarea, .primary');
    target?.focus();
  }, [open, state.conversation?.id]);

  return (
    <section
      class="panel"
      ref={panel}
      role={layout === 'page' ? 'main' : 'dialog'}
      aria-labelledby="pw-title"
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && layout === 'launcher') close();
      }}
    >
      <Header />
      {notice && (
        <p class="banner" role="status">
          {notice}
        </p>
      )}
      <div class="body">
        {state.conversation ? (
          <ConversationView state={state} />
        ) : (
          <div class="scroll">
            <Welcome state={state} />
          </div>
        )}
      </div>
      <Announcer state={state} />
    </section>
  );
}
