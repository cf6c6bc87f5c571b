import type { CannedReply } from '@parley/shared/settings';
import { getIn } from '../state/paths.js';
import { describedBy, FieldFrame, fieldId, Section, useEditor } from './fields.js';

/**
 * Canned replies (a room's, or an agent's own): a shortcut and a text each, added, edited and
 * removed in place. Checked with the same schema the server saves them with (lower-case
 * shortcuts, each once); problems show beside the field as everywhere in the console.
 */
export function CannedRepliesEditor({ description }: { description: string }) {
  const editor = useEditor();
  const replies = (getIn(editor.value, ['cannedReplies']) as CannedReply[] | undefined) ?? [];
  const set = (next: CannedReply[]) => editor.set(['cannedReplies'], next);
  const change = (index: number, patch: Partial<CannedReply>) => set(replies.map((reply, i) => (i === index ? { ...reply, ...patch } : reply)));
  const add = () => {
    const taken = new Set(replies.map((reply) => reply.shortcut));
    let n = replies.length + 1;
    while (taken.has(`reply${n}`)) n++;
    set([...replies, { shortcut: `reply${n}`, text: 'Hello {visitor.name}, ' }]);
    requestAnimationFrame(() => document.getElementById(fieldId(['cannedReplies', replies.length, 'shortcut']))?.focus());
  };
  return (
    <Section title="Canned replies" description={description}>
      <ul class="canned-list">
        {replies.map((reply, index) => {
          const shortcutPath = ['cannedReplies', index, 'shortcut'];
          const textPath = ['cannedReplies', index, 'text'];
          return (
            <li key={index} class="canned-item">
              <FieldFrame label={`Shortcut ${index + 1} (typed after "/")`} path={shortcutPath}>
                <input
                  id={fieldId(shortcutPath)}
                  value={reply.shortcut}
                  aria-invalid={editor.problem(shortcutPath) ? 'true' : undefined}
                  aria-describedby={describedBy(shortcutPath, undefined, editor.problem(shortcutPath))}
                  onInput={(event) => change(index, { shortcut: event.currentTarget.value })}
                />
              </FieldFrame>
              <FieldFrame label={`Text of /${reply.shortcut}`} path={textPath}>
                <textarea
                  id={fieldId(textPath)}
                  rows={2}
                  value={reply.text}
                  aria-invalid={editor.problem(textPath) ? 'true' : undefined}
                  aria-describedby={describedBy(textPath, undefined, editor.problem(textPath))}
                  onInput={(event) => change(index, { text: event.currentTarget.value })}
                />
              </FieldFrame>
              <button type="button" onClick={() => set(replies.filter((_, i) => i !== index))}>
                Remove /{reply.shortcut}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={add}>
        Add a canned reply
      </button>
      <p class="hint">
        Variables: {'{visitor.name}'}, {'{agent.name}'}, and {'{form.KEY}'} for an answer of the contact form (its key).
      </p>
    </Section>
  );
}
