import type { AgentRoomSettings, LeadChoice } from '@parley/shared';
import { useState } from 'preact/hooks';

type Props = {
  conversationId: string;
  room: AgentRoomSettings;
  chosen: LeadChoice | null;
  onChoose: (to: string | null) => void;
};

/**
 * After a chat of a room with a CRM selection list (seed 004): send the conversation as a lead to
 * one of its addresses, or "Do Not Send" (the default). Once chosen, what was chosen.
 */
export function LeadForm({ conversationId, room, chosen, onChoose }: Props) {
  const [to, setTo] = useState('');
  if (chosen) {
    return (
      <p class="disposition-given" role="status">
        {chosen.to ? `Lead sent to ${chosen.label ?? chosen.to}.` : 'Lead not sent.'}
      </p>
    );
  }
  const id = `lead-${conversationId}`;
  return (
    <form
      class="disposition-form"
      aria-label="Send this chat as a lead"
      onSubmit={(event) => {
        event.preventDefault();
        onChoose(to === '' ? null : to);
      }}
    >
      <label for={id}>Send this chat as a lead to</label>
      <select id={id} value={to} onChange={(event) => setTo(event.currentTarget.value)}>
        <option value="">Do Not Send</option>
        {room.crmSelection.map((option) => (
          <option key={option.email} value={option.email}>
            {option.label} ({option.email})
          </option>
        ))}
      </select>
      <button type="submit" class="primary">
        {to === '' ? 'Do not send' : 'Send lead'}
      </button>
    </form>
  );
}
