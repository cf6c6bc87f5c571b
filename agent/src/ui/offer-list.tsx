import type { AgentRoomSettings, OfferView } from '@parley/shared';
import { formatWait } from '../format/durations.js';
import { visitorLabel } from '../format/labels.js';
import type { PastList } from '../state/console-state.js';
import { Avatar } from './avatar.js';
import { FormAnswers } from './form-answers.js';

type Props = {
  offers: OfferView[];
  rooms: AgentRoomSettings[];
  past: Record<string, PastList>;
  now: number;
  /** False while reconnecting, or at capacity: the offers are shown, Accept waits. */
  canAccept: boolean;
  onAccept: (conversationId: string) => void;
};

export function roomLabel(rooms: AgentRoomSettings[], name: string): string {
  return rooms.find((r) => r.name === name)?.label ?? name;
}

/**
 * Chats offered to this agent, oldest first: who waits, since when, from which room and page,
 * and what they answered in the welcome form. An offer withdrawn by the server is simply no
 * longer in `offers`, so it disappears on the next render.
 */
export function OfferList({ offers, rooms, past, now, canAccept, onAccept }: Props) {
  return (
    <section class="offers" aria-labelledby="offers-title">
      <h2 id="offers-title">
        Incoming chats <span class="count">({offers.length})</span>
      </h2>
      {offers.length === 0 ? (
        <p class="empty">No chat is waiting for you.</p>
      ) : (
        <ul class="offer-list" aria-live="polite" aria-relevant="additions">
          {offers.map((offer, index) => {
            const name = visitorLabel(offer.visitor.name);
            const earlier = past[offer.conversationId]?.total ?? 0;
            return (
              <li key={offer.conversationId} class="offer" data-conversation={offer.conversationId}>
                <div class="offer-head">
                  <Avatar name={name} />
                  <h3 class="offer-name">{name}</h3>
                </div>
                <p class="offer-meta">
                  <span class="room">{roomLabel(rooms, offer.room)}</span> · waiting {formatWait(now - offer.waitingSince)}
                  {offer.phase === 'private' && !offer.transfer && ' · asked for you'}
                  {offer.phase === 'sticky' && ' · returning visitor, asked for you'}
                  {earlier > 0 && ` · ${earlier} earlier chat${earlier === 1 ? '' : 's'}`}
                  {!offer.visitor.online && ' · page closed'}
                </p>
                {(offer.context.title || offer.context.url) && (
                  <p class="offer-page">
                    {offer.context.title && <span class="page-title">{offer.context.title}</span>}
                    {offer.context.url && <span class="page-url">{offer.context.url}</span>}
                  </p>
                )}
                {offer.transfer && (
                  <p class="offer-transfer">
                    Transferred by {offer.transfer.from}
                    {offer.transfer.note ? `: ${offer.transfer.note}` : ''}
                  </p>
                )}
                <FormAnswers answers={offer.form} skip={['name']} />
                <button
                  type="button"
                  class="primary"
                  disabled={!canAccept}
                  aria-keyshortcuts={index === 0 ? 'Alt+A' : undefined}
                  onClick={() => onAccept(offer.conversationId)}
                >
                  Accept<span class="sr-only"> chat with {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
