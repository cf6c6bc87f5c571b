import { FIELD_RULES, WELCOME_FIELD_TYPES, type WelcomeField } from '@parley/shared';
import { useState } from 'preact/hooks';
import { getIn } from '../../state/paths.js';
import { LinesField, Section, SelectField, TextField, Toggle, useEditor } from '../fields.js';

const TYPE_NAMES: Record<string, string> = { text: 'Text', email: 'Email', phone: 'Phone', textarea: 'Long text', select: 'Choice list', checkbox: 'Checkbox' };
const RULE_NAMES: Record<string, string> = { optional: 'Optional', required: 'Required', hidden: 'Hidden (kept, not shown)' };

/**
 * The contact form designer: the fields asked before a chat, in order (reorder with the buttons
 * or by dragging), each with its type, label, placeholder, rule and choices; and which buttons
 * the chat window shows. What it makes is checked with the same rules the server saves it with.
 */
export function FormDesigner() {
  const editor = useEditor();
  const fields = (getIn(editor.value, ['welcomeForm']) as WelcomeField[] | undefined) ?? [];
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);

  const move = (from: number, to: number, focus: 'up' | 'down' | 'handle') => {
    if (to < 0 || to >= fields.length || from === to) return;
    const next = [...fields];
    const [field] = next.splice(from, 1);
    next.splice(to, 0, field!);
    editor.set(['welcomeForm'], next);
    setAnnouncement(`${field!.label} moved to position ${to + 1} of ${next.length}.`);
    requestAnimationFrame(() => document.getElementById(`field-${focus}-${to}`)?.focus());
  };
  const add = () => {
    const taken = new Set(fields.map((field) => field.key));
    let n = fields.length + 1;
    while (taken.has(`field${n}`)) n++;
    editor.set(['welcomeForm'], [...fields, { key: `field${n}`, type: 'text', label: 'New field', rule: 'optional' }]);
    setAnnouncement(`Field ${fields.length + 1} added.`);
    requestAnimationFrame(() => document.getElementById(`field-welcomeForm-${fields.length}-label`)?.focus());
  };
  const remove = (index: number) => {
    const field = fields[index]!;
    editor.set(
      ['welcomeForm'],
      fields.filter((_, i) => i !== index),
    );
    setAnnouncement(`${field.label} removed.`);
  };

  return (
    <>
      <Section title="Contact form" description="Asked before a chat starts, in this order. Visitors fill it in; the server checks it with the same rules.">
        <ol class="form-fields">
          {fields.map((field, index) => (
            <li
              key={`${field.key}-${index}`}
              class={dragged === index ? 'form-field dragging' : 'form-field'}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== null) move(dragged, index, 'handle');
                setDragged(null);
              }}
            >
              <fieldset>
                <legend>
                  Field {index + 1}: {field.label}
                </legend>
                <div class="field-tools">
                  <button
                    type="button"
                    id={`field-handle-${index}`}
                    class="drag-handle"
                    draggable
                    aria-label={`Drag ${field.label} to reorder`}
                    onDragStart={(event) => {
                      setDragged(index);
                      event.dataTransfer?.setData('text/plain', String(index));
                    }}
                    onDragEnd={() => setDragged(null)}
                  >
                    ⠿
                  </button>
                  <button
                    type="button"
                    id={`field-up-${index}`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1, 'up')}
                    aria-label={`Move up: ${field.label}`}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    id={`field-down-${index}`}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1, 'down')}
                    aria-label={`Move down: ${field.label}`}
                  >
                    Move down
                  </button>
                  <button type="button" class="danger" onClick={() => remove(index)} aria-label={`Remove ${field.label}`}>
                    Remove
                  </button>
                </div>
                <TextField label="Label" path={['welcomeForm', index, 'label']} required />
                <SelectField
                  label="Type"
                  path={['welcomeForm', index, 'type']}
                  options={WELCOME_FIELD_TYPES.map((type) => [type, TYPE_NAMES[type] ?? type] as const)}
                />
                <SelectField
                  label="Rule"
                  path={['welcomeForm', index, 'rule']}
                  options={FIELD_RULES.map((rule) => [rule, RULE_NAMES[rule] ?? rule] as const)}
                />
                <TextField label="Placeholder" path={['welcomeForm', index, 'placeholder']} hint="An example shown in the empty field." />
                <TextField label="Key (the answer's name for agents and the API)" path={['welcomeForm', index, 'key']} required />
                {field.type === 'select' && <LinesField label="Choices, one a line" path={['welcomeForm', index, 'options']} rows={4} />}
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" onClick={add}>
          Add a field
        </button>
        <p class="sr-only" role="status">
          {announcement}
        </p>
      </Section>
      <Section title="Buttons in the chat window" description="Which actions visitors see.">
        <Toggle label="Emoji picker" path={['emojis']} fallback />
        <Toggle label="Attach a file" path={['visitorAttachments']} fallback />
        <Toggle label="Email me the transcript (at the end of a chat)" path={['emailTranscript']} />
        <Toggle label="Add alert (email me when an agent is free)" path={['emailAlert']} />
        <Toggle label="Leave a message (when nobody is available)" path={['leaveMessage']} />
      </Section>
    </>
  );
}
