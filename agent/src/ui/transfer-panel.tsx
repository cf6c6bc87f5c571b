import type { AgentRoomSettings } from '@parley/shared';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export type TransferTarget = { agentId: string } | { room: string };

type Props = {
  conversationId: string;
  visitorName: string;
  /** The chat's room (its colleagues), and every room of the agent (their queues). */
  room: AgentRoomSettings | undefined;
  rooms: readonly AgentRoomSettings[];
  onTransfer: (to: TransferTarget, label: string, note: string) => void;
  onCancel: () => void;
};

/**
 * Where a chat goes: another agent of its room (who must accept) or a room's queue, with a note
 * for the next agent that the visitor never sees.
 */
export function TransferPanel({ conversationId, visitorName, room, rooms, onTransfer, onCancel }: Props) {
  const options = [
    ...(room?.colleagues ?? []).map((colleague) => ({
      value: `agent:${colleague.id}`,
      label: colleague.name,
      to: { agentId: colleague.id } as TransferTarget,
    })),
    ...rooms.map((each) => ({ value: `room:${each.name}`, label: `${each.label} queue`, to: { room: each.name } as TransferTarget })),
  ];
  const [choice, setChoice] = useState(options[0]?.value ?? '');
  const [note, setNote] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => select.current?.focus(), []);
  const chosen = options.find((option) => option.value === choice);
  return (
    <form
      class="transfer-panel"
      aria-label={`Transfer the chat with ${visitorName}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onTransfer(chosen.to, chosen.label, note.trim());
      }}
    >
      <label for={`transfer-to-${conversationId}`}>Transfer to</label>
      <select id={`transfer-to-${conversationId}`} ref={select} value={choice} onChange={(event) => setChoice(event.currentTarget.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label for={`transfer-note-${conversationId}`}>Note for the next agent (the visitor does not see it)</label>
      <textarea id={`transfer-note-${conversationId}`} rows={2} maxLength={4000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      <div class="transfer-actions">
        <button type="submit" class="primary" disabled={!chosen}>
          Transfer chat
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
