import type { Conflict } from './use-record-editor.js';

type Props = { conflict: Conflict<unknown>; onKeepMine: () => void; onTakeTheirs: () => void };

/** Someone saved first: what they changed, what was changed here, and the two ways on. */
export function ConflictBanner({ conflict, onKeepMine, onTakeTheirs }: Props) {
  const both = conflict.mineFields.filter((field) => conflict.theirFields.includes(field));
  return (
    <div class="conflict" role="alert">
      <h2>Someone else saved this while you were editing</h2>
      <p>They changed: {conflict.theirFields.length > 0 ? conflict.theirFields.join(', ') : 'nothing you can see here'}.</p>
      <p>You changed: {conflict.mineFields.join(', ') || 'nothing yet'}.</p>
      {both.length > 0 && <p>You both changed: {both.join(', ')}. Keeping yours replaces theirs there.</p>}
      <button type="button" class="primary" onClick={onKeepMine}>
        Keep my changes on top of theirs
      </button>{' '}
      <button type="button" onClick={onTakeTheirs}>
        Discard mine and show theirs
      </button>
    </div>
  );
}
