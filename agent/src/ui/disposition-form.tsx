import type { AgentRoomSettings, Disposition } from '@parley/shared';
import { useState } from 'preact/hooks';

type Props = {
  conversationId: string;
  room: AgentRoomSettings;
  given: Disposition | null;
  onGive: (code: string | null, note: string) => void;
};

/**
 * After a chat ends: its result code (and a note), as the room lists them. Required codes say so:
 * the agent is not ready again until they give one. Once given, what was given.
 */
export function DispositionForm({ conversationId, room, given, onGive }: Props) {
  const [code, setCode] = useState(room.resultCodeRequired ? '' : 'none');
  const [note, setNote] = useState('');
  if (given) {
    return (
      <p class="disposition-given" role="status">
        Result: {given.code ?? 'none'}
        {given.note ? ` (${given.note})` : ''}
      </p>
    );
  }
  const id = `disposition-${conversationId}`;
  return (
    <form
      class="disposition-form"
      aria-label="Result of this chat"
      onSubmit={(event) => {
        event.preventDefault();
        if (code) onGive(code === 'none' ? null : code, note.trim());
      }}
    >
      <label for={id}>Result of this chat{room.resultCodeRequired ? ' (required before you are ready again)' : ''}</label>
      <select id={id} value={code} onChange={(event) => setCode(event.currentTarget.value)}>
        {room.resultCodeRequired ? (
          <option value="" disabled>
            Choose a result
          </option>
        ) : (
          <option value="none">None</option>
        )}
        {room.resultCodes.map((each) => (
          <option key={each} value={each}>
            {each}
          </option>
        ))}
      </select>
      <label for={`${id}-note`}>Note on the result (optional)</label>
      <textarea id={`${id}-note`} rows={2} maxLength={4000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      <button type="submit" class="primary" disabled={!code}>
        Save result
      </button>
    </form>
  );
}
