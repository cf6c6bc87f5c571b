import { getIn } from '../../state/paths.js';
import { fieldId, Section, TextField, useEditor } from '../fields.js';

type Option = { label: string; email: string };

/**
 * Seed 004's "Customer Profile CRM Selection List": names and addresses the agent chooses from
 * after a chat, to send it as a lead ("Do Not Send" is always offered too).
 */
export function CrmSelectionEditor() {
  const editor = useEditor();
  const options = (getIn(editor.value, ['crmSelection']) as Option[] | undefined) ?? [];
  const set = (next: Option[]) => editor.set(['crmSelection'], next.length > 0 ? next : undefined);
  return (
    <Section
      title="CRM selection list"
      description="After a chat, its agent may send it as a lead (plain text and ADF) to one of these, or choose Do Not Send."
    >
      <ul class="canned-list">
        {options.map((option, index) => (
          <li key={index} class="canned-item">
            <TextField label={`Name of address ${index + 1}`} path={['crmSelection', index, 'label']} />
            <TextField label={`Email of ${option.label || `address ${index + 1}`}`} path={['crmSelection', index, 'email']} type="email" />
            <button type="button" onClick={() => set(options.filter((_, i) => i !== index))}>
              Remove {option.label || `address ${index + 1}`}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => {
          set([...options, { label: '', email: '' }]);
          requestAnimationFrame(() => document.getElementById(fieldId(['crmSelection', options.length, 'label']))?.focus());
        }}
      >
        Add an address
      </button>
    </Section>
  );
}
