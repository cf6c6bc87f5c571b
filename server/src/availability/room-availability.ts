import type { AvailabilityPreview } from '@parley/shared';
import type { RoomEntry } from '../config/directory.js';
import type { Clock } from '../core/clock.js';
import { dependsOnTime, isAvailable, type RoomFacts } from './availability-rules.js';
import { LocalClock } from './local-time.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Where the room's live figures come from (the hub's queues). */
export interface RoomFactsSource {
  facts(room: string): RoomFacts;
  isReady(agentId: string, room: string): boolean;
}

/**
 * A room's availability rules, answered now: the room's time zone on the server's clock and the
 * hub's live figures. The settings request, `start` and the broadcaster all ask here, never a
 * cached value.
 */
export class RoomAvailability {
  private readonly local = new LocalClock();

  constructor(
    private readonly source: RoomFactsSource,
    private readonly clock: Clock,
  ) {}

  isAvailable(entry: RoomEntry): boolean {
    const room = entry.room;
    return isAvailable(room.availability, this.facts(entry), this.local.at(this.clock.now(), room.timeZone));
  }

  /**
   * What rules being edited would answer now, and when the clock alone would next change that
   * answer (looked for minute by minute over the coming week, with today's figures held still):
   * the admin console's "visible now?".
   */
  preview(entry: RoomEntry): AvailabilityPreview {
    const { availability, timeZone } = entry.room;
    const facts = this.facts(entry);
    const now = this.clock.now();
    const local = this.local.at(now, timeZone);
    const visibleNow = isAvailable(availability, facts, local);
    let nextChange: AvailabilityPreview['nextChange'] = null;
    if (dependsOnTime(availability)) {
      const firstMinute = now - (now % 60_000) + 60_000;
      for (let at = firstMinute; at < now + WEEK_MS; at += 60_000) {
        const visible = isAvailable(availability, facts, this.local.at(at, timeZone));
        if (visible !== visibleNow) {
          nextChange = { at, visible };
          break;
        }
      }
    }
    const hours = String(Math.floor(local.minutes / 60)).padStart(2, '0');
    const minutes = String(local.minutes % 60).padStart(2, '0');
    return { visibleNow, nextChange, localTime: `${local.day} ${hours}:${minutes}` };
  }

  /** An agent's private room counts only its owner as a ready agent; its waiting visitors are the room's. */
  private facts(entry: RoomEntry): RoomFacts {
    const facts = this.source.facts(entry.room.name);
    if (entry.privateFor === null) return facts;
    return { ...facts, readyAgents: this.source.isReady(entry.privateFor, entry.room.name) ? 1 : 0 };
  }
}
