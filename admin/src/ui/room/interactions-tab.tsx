import { LinesField, Section, SelectField, TextField, Toggle } from '../fields.js';
import { CrmSelectionEditor } from './crm-selection-editor.js';

/** Email with visitors: leave a message, alerts, transcripts, where leads go, and who the emails come from. */
export function InteractionsTab() {
  return (
    <>
      <Section title="Customer interactions" description="These work when Parley has a mail server (SMTP_URL).">
        <Toggle label="Leave a message when nobody is available (the launcher stays)" path={['leaveMessage']} />
        <Toggle label="Let waiting visitors ask to be emailed when an agent is free" path={['emailAlert']} />
        <Toggle label="Offer the transcript by email at the end of a chat" path={['emailTranscript']} />
        <LinesField label="Also send every transcript to, one address a line" path={['transcriptAddresses']} rows={2} />
      </Section>
      <Section title="Leads" description="Where messages left by visitors go.">
        <LinesField label="Sales lead addresses, one a line" path={['salesLeadAddresses']} rows={2} hint="Default: the public profile's contact email." />
        <TextField label="XML lead address (ADF 1.0, for a CRM)" path={['xmlLeadAddress']} type="email" />
        <TextField
          label="Word added to the provider name in ADF leads"
          path={['adfProviderWord']}
          hint='For example "Website": the lead comes from "Parley Website".'
        />
        <SelectField
          label="Where the word goes"
          path={['adfProviderWordPosition']}
          options={[
            ['suffix', 'After the provider name'],
            ['prefix', 'Before the provider name'],
          ]}
        />
      </Section>
      <CrmSelectionEditor />
      <Section title="Public profile of this room" description="Emails to visitors are sent under these; empty fields use the global public profile.">
        <TextField label="Company name" path={['publicProfile', 'companyName']} />
        <TextField label="Contact email (replies go here)" path={['publicProfile', 'contactEmail']} type="email" />
      </Section>
    </>
  );
}
