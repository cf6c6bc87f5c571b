import type { FormAnswers, WelcomeFieldView } from '@parley/shared';
import { checkField, DEFAULT_MAX_LENGTH, type FieldProblem, type FormValue } from '@parley/shared/welcome-form';
import { useRef, useState } from 'preact/hooks';
import type { Identity } from '../../host-contract.js';
import { format, type Strings } from '../../i18n/index.js';

const AUTOCOMPLETE: Record<string, string> = { name: 'name', email: 'email', phone: 'tel' };

/** What the visitor is told for each problem, in the room's language. */
export function problemText(problem: FieldProblem, field: WelcomeFieldView, strings: Strings): string {
  switch (problem) {
    case 'required':
      return field.type === 'checkbox' ? strings.errorCheckbox : strings.errorRequired;
    case 'email':
      return strings.errorEmail;
    case 'phone':
      return strings.errorPhone;
    case 'tooLong':
      return format(strings.errorTooLong, { max: field.maxLength ?? DEFAULT_MAX_LENGTH[field.type] });
    case 'option':
      return strings.errorOption;
    default:
      return strings.errorType;
  }
}

/**
 * Prefills from `Parley('identify', …)` (name and email by their usual keys, the rest by key),
 * over what the visitor answered last time in this room.
 */
export function prefill(fields: readonly WelcomeFieldView[], identity: Identity, remembered: Record<string, string> = {}): Record<string, FormValue> {
  const known: Record<string, FormValue | undefined> = {
    ...remembered,
    ...(identity.name ? { name: identity.name } : {}),
    ...(identity.email ? { email: identity.email } : {}),
    ...identity.fields,
  };
  const values: Record<string, FormValue> = {};
  for (const field of fields) {
    const value = known[field.key];
    if (field.type === 'checkbox' ? typeof value === 'boolean' : typeof value === 'string') values[field.key] = value!;
  }
  return values;
}

type Props = {
  fields: readonly WelcomeFieldView[];
  identity: Identity;
  /** The visitor's answers of last time, under what the page says of them. */
  remembered?: Record<string, string>;
  strings: Strings;
  busy: boolean;
  onSubmit(answers: FormAnswers): void;
  /** For other forms of the same kind (leaving a message): the words above, and the button's (idle, busy). */
  intro?: string;
  submit?: [string, string];
};

/**
 * The welcome form: the room's fields in order, each optional, required or hidden, checked
 * with the same rules the server applies. Problems show under each field once the visitor tries
 * to start, then update as they type; the first wrong field gets the focus.
 */
export function WelcomeForm({
  fields,
  identity,
  remembered,
  strings,
  busy,
  onSubmit,
  intro = strings.welcomeIntro,
  submit: [idle, working] = [strings.startChat, strings.starting],
}: Props) {
  const [values, setValues] = useState<Record<string, FormValue>>(() => prefill(fields, identity, remembered));
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const problems = new Map<string, FieldProblem>();
  for (const field of fields) {
    const problem = checkField(field, values[field.key]);
    if (problem) problems.set(field.key, problem);
  }
  const set = (key: string, value: FormValue) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    setTried(true);
    const first = fields.find((field) => problems.has(field.key) && field.rule !== 'hidden');
    if (first) {
      form.current?.querySelector<HTMLElement>(`#pw-f-${first.key}`)?.focus();
      return;
    }
    if (problems.size > 0) return; // a hidden field the page set is wrong: nothing the visitor can fix
    const answers: FormAnswers = {};
    for (const field of fields) {
      const value = values[field.key];
      if (typeof value === 'string' && value.trim() !== '') answers[field.key] = value.trim();
      else if (value === true) answers[field.key] = true;
    }
    onSubmit(answers);
  };

  return (
    <form class="form" ref={form} noValidate onSubmit={submit} aria-describedby="pw-intro">
      <p class="intro" id="pw-intro">
        {intro}
      </p>
      {fields
        .filter((field) => field.rule !== 'hidden')
        .map((field) => (
          <Field
            key={field.key}
            field={field}
            value={values[field.key]}
            problem={tried ? problems.get(field.key) : undefined}
            strings={strings}
            onChange={(value) => set(field.key, value)}
          />
        ))}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? working : idle}
      </button>
    </form>
  );
}

type FieldProps = {
  field: WelcomeFieldView;
  value: FormValue | undefined;
  problem: FieldProblem | undefined;
  strings: Strings;
  onChange(value: FormValue): void;
};

function Field({ field, value, problem, strings, onChange }: FieldProps) {
  const id = `pw-f-${field.key}`;
  const errorId = `pw-e-${field.key}`;
  const required = field.rule === 'required';
  const common = {
    id,
    name: field.key,
    'aria-invalid': problem ? ('true' as const) : undefined,
    'aria-describedby': problem ? errorId : undefined,
    'aria-required': required ? ('true' as const) : undefined,
  };
  const error = problem && (
    <p class="error" id={errorId}>
      {problemText(problem, field, strings)}
    </p>
  );
  if (field.type === 'checkbox') {
    return (
      <>
        <div class="field check">
          <input type="checkbox" {...common} checked={value === true} onChange={(event) => onChange(event.currentTarget.checked)} />
          <label for={id}>
            {field.label}
            {!required && <span class="optional"> {strings.optional}</span>}
          </label>
        </div>
        {error}
      </>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const maxLength = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
  const onInput = (event: Event) => onChange((event.currentTarget as HTMLInputElement).value);
  const input = { ...common, value: text, maxLength, autocomplete: AUTOCOMPLETE[field.key], placeholder: field.placeholder, onInput };
  return (
    <div class="field">
      <label for={id}>
        {field.label}
        {!required && <span class="optional"> {strings.optional}</span>}
      </label>
      {field.type === 'select' ? (
        <select {...common} value={text} onChange={onInput}>
          <option value="">{strings.choose}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : field.type === 'textarea' ? (
        <textarea {...common} value={text} maxLength={maxLength} placeholder={field.placeholder} onInput={onInput} />
      ) : field.type === 'email' ? (
        <input type="email" {...input} />
      ) : field.type === 'phone' ? (
        <input type="tel" {...input} />
      ) : (
        <input type="text" {...input} />
      )}
      {error}
    </div>
  );
}
