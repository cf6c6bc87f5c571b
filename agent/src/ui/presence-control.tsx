import type { AgentStatus, ChosenStatus, ClientKind, ClientStatuses } from '@parley/shared';
import { STATUS_LABELS } from '../format/labels.js';
import type { Capacity } from '../state/capacity.js';

type Props = {
  client: ClientKind;
  statuses: ClientStatuses;
  capacity: Capacity;
  /** False while the connection is down: choices cannot reach the server. */
  connected: boolean;
  onSetStatus: (status: ChosenStatus) => void;
};

const CLIENT_NAMES: Record<ClientKind, string> = { browser: 'browser', mobile: 'mobile' };

/** The agent's load, in one short phrase however many rooms they answer (the rooms' detail is in `capacityDetail`). */
function capacityText(capacity: Capacity): string {
  const limit = capacity.own ?? capacity.rooms.reduce((sum, room) => sum + room.limit, 0);
  return `${capacity.held} of ${limit} chats`;
}

/** Room by room, for the capacity chip's tooltip. */
function capacityDetail(capacity: Capacity): string {
  if (capacity.own !== null) return `Your capacity: ${capacity.own} chats across your rooms`;
  return capacity.rooms.map((r) => `${r.label}: ${r.held} of ${r.limit}`).join('\n');
}

/** What the status means for new chats, and what it takes to get them again. */
function explain(status: AgentStatus | null, capacity: Capacity): string {
  switch (status) {
    case 'WAITING_NEW_CALL':
      return capacity.held > 0 ? `New chats are offered to you while you have room (${capacityText(capacity)}).` : 'New chats are offered to you.';
    case 'SERVING_CUSTOMER':
      return capacity.full
        ? `You have as many chats as you can take (${capacityText(capacity)}). End one to take another.`
        : `No new chats are offered. Choose Ready to take more (${capacityText(capacity)}).`;
    case 'TAKING_BREAK':
      return 'No chats are offered to you. Choose Ready when you are back.';
    case 'HANG_UP':
    case 'REMOTE_CUSTOMER_HANGUP':
      return 'No new chats are offered until you choose Ready.';
    default:
      return 'Connecting…';
  }
}

/**
 * Ready or break, and the status the server holds for this client, whatever set it (the agent,
 * a chat starting or ending, force ready), with what it means for new chats. Compact enough for
 * the top bar: a status pill, two buttons, the load; the other client's status beside it, since
 * the statistics count both.
 */
export function PresenceControl({ client, statuses, capacity, connected, onSetStatus }: Props) {
  const status = statuses[client];
  const otherClient: ClientKind = client === 'browser' ? 'mobile' : 'browser';
  const other = statuses[otherClient];
  const readyBlocked = capacity.full && status !== 'WAITING_NEW_CALL';
  return (
    <section class="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" class="sr-only">
        Your status
      </h2>
      <p class="presence-status">
        <span class="presence-client sr-only">Status on {CLIENT_NAMES[client]}:</span>{' '}
        <strong class={`status-badge status-${status ?? 'none'}`} data-status={status ?? ''}>
          {status ? STATUS_LABELS[status] : 'Not connected'}
        </strong>
      </p>
      <div class="presence-buttons segmented" role="group" aria-label="Set your status">
        <button
          type="button"
          aria-pressed={status === 'WAITING_NEW_CALL'}
          aria-describedby="presence-explain"
          disabled={!connected || readyBlocked}
          onClick={() => onSetStatus('WAITING_NEW_CALL')}
        >
          Ready
        </button>
        <button type="button" aria-pressed={status === 'TAKING_BREAK'} disabled={!connected} onClick={() => onSetStatus('TAKING_BREAK')}>
          Break
        </button>
      </div>
      <span class={`capacity${capacity.full ? ' capacity-full' : ''}`} title={capacityDetail(capacity)}>
        {capacityText(capacity)}
      </span>
      <p class="presence-explain" id="presence-explain">
        {explain(status, capacity)}
        {other && (
          <span class="presence-other">
            {' '}
            On {CLIENT_NAMES[otherClient]}: {STATUS_LABELS[other]}
          </span>
        )}
      </p>
    </section>
  );
}
