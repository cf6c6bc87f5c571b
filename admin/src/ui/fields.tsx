import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { getIn, type Path, pathName } from '../state/paths.js';

/** What the fields of one record's form read and write: the draft, and the problems found in it, by field. */
export type Editor = {
  value: unknown;
  set(path: Path, value: unknown): void;
  /** The problem with a field, if any (from the shared schema here, or the server's check). */
  problem(path: Path): string | undefined;
};

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('fields need an EditorContext');
  return editor;
}

/** An id for a field's control, from its path (`field-theme-primaryColor`). */
export function fieldId(path: Path): string {
  return `field-${pathName(path).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

type FieldProps = { label: string; path: Path; hint?: string };

/** The label, the control, the hint and the problem, tied together for screen readers. */
export function FieldFrame({ label, path, hint, children }: FieldProps & { children: ComponentChildren }) {
  const { problem } = useEditor();
  const id = fieldId(path);
  const error = problem(path);
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(path: Path, hint: string | undefined, error: string | undefined): string | undefined {
  const id = fieldId(path);
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Text; an empty box leaves the setting unset (its default applies). */
export function TextField({
  label,
  path,
  hint,
  type = 'text',
  placeholder,
  required,
  list,
}: FieldProps & { type?: 'text' | 'email' | 'url' | 'tel' | 'time'; placeholder?: string; required?: boolean; list?: string }) {
  const editor = useEditor();
  const value = getIn(editor.value, path);
  const error = editor.problem(path);
  return (
    <FieldFrame label={label} path={path} {...(hint ? { hint } : {})}>
      <input
        id={fieldId(path)}
        type={type}
        value={typeof value === 'string' ? value : ''}
        placeholder={placeholder}
        required={required}
        list={list}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(path, hint, error)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          editor.set(path, text === '' && !required ? undefined : text);
        }}
      />
    </FieldFrame>
  );
}

/** A whole number; an empty box leaves it unset. */
export function NumberField({ label, path, hint, min, max }: FieldProps & { min?: number; max?: number }) {
  const editor = useEditor();
  const value = getIn(editor.value, path);
  const error = editor.problem(path);
  return (
    <FieldFrame label={label} path={path} {...(hint ? { hint } : {})}>
      <input
        id={fieldId(path)}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={typeof value === 'number' ? String(value) : ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(path, hint, error)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          editor.set(path, text === '' ? undefined : Number(text));
        }}
      />
    </FieldFrame>
  );
}

export function Toggle({ label, path, hint, fallback = false }: FieldProps & { fallback?: boolean }) {
  const editor = useEditor();
  const value = getIn(editor.value, path);
  const id = fieldId(path);
  return (
    <div class="field toggle">
      <input
        id={id}
        type="checkbox"
        checked={typeof value === 'boolean' ? value : fallback}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => editor.set(path, event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function SelectField({ label, path, hint, options }: FieldProps & { options: readonly (readonly [string, string])[] }) {
  const editor = useEditor();
  const value = getIn(editor.value, path);
  const error = editor.problem(path);
  return (
    <FieldFrame label={label} path={path} {...(hint ? { hint } : {})}>
      <select
        id={fieldId(path)}
        value={typeof value === 'string' ? value : options[0]?.[0]}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(path, hint, error)}
        onChange={(event) => editor.set(path, event.currentTarget.value)}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A list of short texts (domains, addresses, choices), one a line. */
export function LinesField({ label, path, hint, rows = 4 }: FieldProps & { rows?: number }) {
  const editor = useEditor();
  const value = getIn(editor.value, path);
  const lines = Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : '';
  const error = editor.problem(path) ?? firstItemProblem(editor, path, value);
  return (
    <FieldFrame label={label} path={path} {...(hint ? { hint } : {})}>
      <textarea
        id={fieldId(path)}
        rows={rows}
        value={lines}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(path, hint, error)}
        onInput={(event) => {
          const items = event.currentTarget.value.split('\n').map((line) => line.trim());
          editor.set(path, items.some(Boolean) ? items.filter(Boolean) : undefined);
        }}
      />
    </FieldFrame>
  );
}

/** A problem the server found on one line of a list (`whitelistedDomains[1]`), shown on the list. */
function firstItemProblem(editor: Editor, path: Path, value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  for (let i = 0; i < value.length; i++) {
    const problem = editor.problem([...path, i]);
    if (problem) return `Line ${i + 1}: ${problem}`;
  }
  return undefined;
}

/** A titled group of fields. */
export function Section({ title, children, description }: { title: string; description?: string; children: ComponentChildren }) {
  return (
    <section class="section">
      <h2>{title}</h2>
      {description && <p class="description">{description}</p>}
      {children}
    </section>
  );
}
