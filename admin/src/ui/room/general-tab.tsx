import { ATTACHMENT_KINDS, WIDGET_LANGUAGES } from '@parley/shared';
import { LinesField, NumberField, Section, SelectField, TextField, Toggle } from '../fields.js';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español' };

/** The room's name as people see it, its language, and what the chat window offers. */
export function GeneralTab() {
  return (
    <>
      <Section title="General">
        <TextField label="Label" path={['label']} required hint="What visitors and agents see the room called." />
        <SelectField
          label="Language of the widget"
          path={['language']}
          options={WIDGET_LANGUAGES.map((code) => [code, LANGUAGE_NAMES[code] ?? code] as const)}
        />
      </Section>
      <Section title="Chat window" description="Sounds, notices and extras in the visitor's chat window.">
        <Toggle label="Play a sound when an agent writes" path={['playSounds']} fallback />
        <Toggle label="Show unread messages in the page's title" path={['titleNotifications']} fallback />
        <Toggle label="Hide what visitors type from agents until they send it" path={['hideTypingPreview']} />
        <TextField
          label="Continue by SMS on phones: number"
          path={['smsNumber']}
          type="tel"
          hint="Phone-sized screens offer to continue the chat by SMS to this number. Leave empty for none."
        />
      </Section>
      <Section title="Files">
        <Toggle label="Visitors may send files" path={['visitorAttachments']} fallback />
        <Toggle label="Agents may send files" path={['agentAttachments']} fallback />
        <LinesField label="File types accepted, one a line" path={['attachmentTypes']} hint={`Any of ${ATTACHMENT_KINDS.join(', ')}.`} rows={3} />
        <NumberField label="Largest file, in bytes" path={['attachmentMaxBytes']} min={1024} max={25 * 1024 * 1024} />
      </Section>
      <Section title="History" description="Ended chats, their messages and files are deleted this long after they ended.">
        <NumberField
          label="Days ended chats are kept"
          path={['retentionDays']}
          min={0}
          max={36500}
          hint="0 keeps them for ever. Empty: the server's RETENTION_DAYS (for ever unless set)."
        />
      </Section>
    </>
  );
}
