import type { AgentConversationView } from '@parley/shared';
import { formatDateTime, visitorLocalTime } from '../format/durations.js';
import { visitorLabel } from '../format/labels.js';
import { describeUserAgent } from '../format/user-agent.js';
import type { PastList, Transcript } from '../state/console-state.js';
import { FormAnswers } from './form-answers.js';
import { MessageList } from './message-list.js';

type Props = {
  conversation: AgentConversationView;
  past: PastList | undefined;
  transcripts: Record<string, Transcript>;
  token: string;
  now: number;
  onOpenTranscript: (conversationId: string) => void;
};

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * Who the agent is talking to: welcome-form answers, the page they are on, where they came from,
 * their browser and local time, and their earlier chats in this room with transcripts. All of it
 * is the visitor's own claim, shown as text (URLs included: not links).
 */
export function VisitorContext({ conversation, past, transcripts, token, now, onOpenTranscript }: Props) {
  const { context } = conversation;
  const name = visitorLabel(conversation.visitor.name);
  const localTime = visitorLocalTime(context.timeZone, now);
  return (
    <div class="visitor-context">
      <h2 id="context-title">
        About <span class="visitor-name">{name}</span>
      </h2>
      <h3>Welcome form</h3>
      {Object.keys(conversation.form).length > 0 ? <FormAnswers answers={conversation.form} /> : <p class="empty">No answers.</p>}
      <h3>Visit</h3>
      <dl class="facts">
        <Row label="Page title" value={context.title} />
        <Row label="Page address" value={context.url} />
        <Row label="Came from" value={context.referrer} />
        <Row label="Browser" value={describeUserAgent(context.userAgent)} />
        <Row label="Language" value={context.language} />
        <Row label="Local time" value={localTime && `${localTime} (${context.timeZone})`} />
        <Row label="Chat started" value={formatDateTime(conversation.startedAt)} />
      </dl>
      <h3>Earlier chats in this room</h3>
      {!past ? (
        <p class="empty">Loading…</p>
      ) : past.conversations.length === 0 ? (
        <p class="empty">None: this is the first.</p>
      ) : (
        <ul class="past-list">
          {past.conversations.map((earlier) => {
            const transcript = transcripts[earlier.id];
            return (
              <li key={earlier.id}>
                <details onToggle={(event) => event.currentTarget.open && onOpenTranscript(earlier.id)}>
                  <summary>
                    {formatDateTime(earlier.startedAt)}
                    {earlier.agentName ? ` with ${earlier.agentName}` : ' (not answered)'}
                  </summary>
                  {!transcript ? null : transcript.messages.length === 0 && !transcript.complete ? (
                    <p>Loading…</p>
                  ) : (
                    <MessageList messages={transcript.messages} token={token} visitorName={name} label={`Transcript of ${formatDateTime(earlier.startedAt)}`} />
                  )}
                </details>
              </li>
            );
          })}
          {past.total > past.conversations.length && <li>and {past.total - past.conversations.length} older</li>}
        </ul>
      )}
    </div>
  );
}
