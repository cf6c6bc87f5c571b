import { CannedRepliesEditor } from '../canned-replies-editor.js';
import { LinesField, NumberField, Section, SelectField, Toggle } from '../fields.js';
import { ServiceLevelsSection } from './service-levels-section.js';

/** How chats reach agents: quickest reply or the same agent first, limits and timeouts. */
export function AssignmentTab() {
  return (
    <>
      <Section title="Chat assignment" description="Changes apply to the next chat offered; chats under way go on as they are.">
        <SelectField
          label="Routing"
          path={['routing']}
          options={[
            ['quickest-reply', 'Quickest reply: every free agent is offered the chat, the first to accept takes it'],
            ['sticky', 'Same agent first: a returning visitor is offered to the agent they chatted with'],
          ]}
        />
        <NumberField label="Same agent first: seconds before everyone is offered the chat" path={['stickyTimeoutSeconds']} min={1} max={3600} />
        <Toggle label="Offer chats to agents signed in only on a phone when no browser agent is free" path={['includeMobileStaff']} fallback />
        <NumberField
          label="Chats an agent may hold at once"
          path={['capacityPerAgent']}
          min={1}
          max={50}
          hint="An agent's own capacity, when set, replaces this."
        />
        <Toggle label="Force ready: agents stay ready until they are full, and are ready again after each chat" path={['forceReady']} />
        <NumberField label="Seconds before an unanswered offer is made again" path={['offerTimeoutSeconds']} min={5} max={600} />
      </Section>
      <ServiceLevelsSection />
      <Section title="After a chat" description="What agents do once a chat ends, before they take the next one.">
        <LinesField
          label="Result codes, one a line"
          path={['resultCodes']}
          rows={4}
          hint='For example "Sale", "Refund", "No answer". Agents pick one after each chat.'
        />
        <Toggle label="A result code is required before the agent is ready again" path={['resultCodeRequired']} />
        <NumberField label="Wrap-up: seconds after a chat during which its agent is offered no chat" path={['wrapUpSeconds']} min={0} max={600} />
        <NumberField
          label="Reopen: days within which a returning visitor gets their last chat back"
          path={['reopenWithinDays']}
          min={0}
          max={365}
          hint="The same conversation, with its history, offered first to the agent who had it. 0: a new chat every time."
        />
      </Section>
      <CannedRepliesEditor description="Replies every agent of this room can use: in a chat they type /shortcut and Tab, and the text (variables filled in) goes in the reply box; nothing is sent before they press Send." />
    </>
  );
}
