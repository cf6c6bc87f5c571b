type Props = { dirty: boolean; saving: boolean; notice: string | null; onSave: () => void; onDiscard: () => void };

/** Save and discard, with what happened last said to screen readers. */
export function SaveBar({ dirty, saving, notice, onSave, onDiscard }: Props) {
  return (
    <div class="save-bar">
      <button type="button" class="primary" disabled={!dirty || saving} onClick={onSave}>
        {saving ? 'Saving…' : 'Save changes'}
      </button>
      <button type="button" disabled={!dirty || saving} onClick={onDiscard}>
        Discard changes
      </button>
      <p role="status" class="notice">
        {notice ?? (dirty ? 'You have unsaved changes.' : '')}
      </p>
    </div>
  );
}
