import type { FormAnswers as Answers } from '@parley/shared';
import { fieldLabel } from '../format/labels.js';

/** Welcome-form answers as a definition list; every key and value is the visitor's text, shown as text. */
export function FormAnswers({ answers, skip = [] }: { answers: Answers; skip?: string[] }) {
  const entries = Object.entries(answers).filter(([key]) => !skip.includes(key));
  if (entries.length === 0) return null;
  return (
    <dl class="answers">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{fieldLabel(key)}</dt>
          <dd>{typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value}</dd>
        </div>
      ))}
    </dl>
  );
}
