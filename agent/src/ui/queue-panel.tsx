import type { AgentRoomSettings, RoomQueueView } from '@parley/shared';
import { formatWait } from '../format/durations.js';
import { visitorLabel } from '../format/labels.js';
import { roomLabel } from './offer-list.js';

type Props = { queues: RoomQueueView[]; rooms: AgentRoomSettings[]; now: number };

/** Each room's line as the server last sent it: replaced whole by every queue frame and every welcome. */
export function QueuePanel({ queues, rooms, now }: Props) {
  return (
    <section class="queues" aria-labelledby="queues-title">
      <h2 id="queues-title">Waiting in your rooms</h2>
      {queues.map((queue) => (
        <div class="queue" key={queue.room} data-room={queue.room}>
          <h3>
            {roomLabel(rooms, queue.room)}: <span class="queue-total">{queue.total}</span> waiting
          </h3>
          {queue.entries.length > 0 && (
            <ol class="queue-list">
              {queue.entries.map((entry) => (
                <li key={entry.conversationId}>
                  <span class="queue-name">{visitorLabel(entry.visitorName)}</span> <span class="queue-wait">{formatWait(now - entry.waitingSince)}</span>
                  {entry.phase !== 'everyone' && <span class="queue-phase"> (for one agent)</span>}
                </li>
              ))}
            </ol>
          )}
          {queue.total > queue.entries.length && <p class="queue-more">and {queue.total - queue.entries.length} more</p>}
        </div>
      ))}
    </section>
  );
}
