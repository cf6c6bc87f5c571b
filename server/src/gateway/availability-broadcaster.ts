import type { AvailabilityFrame } from '@parley/shared';
import { isAvailable, dependsOnTime, type RoomFacts } from '../availability/availability-rules.js';
import { LocalClock } from '../availability/local-time.js';
import type { Clock, Timer } from '../hub/clock.js';
import type { Hub } from '../hub/create-hub.js';
import type { RoomEntry } from '../hub/directory.js';
import type { Connection } from '../transport/transport.js';

type Watched = { entry: RoomEntry; available: boolean; connections: Set<Connection> };

/** Timers fire a little late, never much early; this margin makes sure the new minute has begun. */
const MINUTE_MARGIN_MS = 50;

/**
 * Seed 000's availability rules, evaluated by the server and pushed at once. Every visitor
 * connection watches its room from the moment it opens; when the hub says a room's queue or its
 * ready agents changed, the watched rooms are looked at again on the next tick (a burst of changes
 * costs one look), and pages hear only actual changes. Rooms with opening hours are also looked
 * at on each new minute, and only while some page watches them.
 */
export class AvailabilityBroadcaster {
  /** By the name visitors use: a room, or an agent's private room. */
  private readonly watched = new Map<string, Watched>();
  private readonly changedRooms = new Set<string>();
  private readonly local = new LocalClock();
  private flushTimer: Timer | null = null;
  private minuteTimer: Timer | null = null;

  constructor(
    private readonly hub: Hub,
    private readonly clock: Clock,
  ) {}

  /** The rules' answer right now (the settings request and `start` ask this, never a cached value). */
  isAvailable(entry: RoomEntry): boolean {
    const room = entry.room;
    return isAvailable(room.availability, this.facts(entry), this.local.at(this.clock.now(), room.timeZone));
  }

  /** An agent's private room counts only its owner as a ready agent; its waiting visitors are the room's. */
  private facts(entry: RoomEntry): RoomFacts {
    const facts = this.hub.queues.facts(entry.room.name);
    if (entry.privateFor === null) return facts;
    return { ...facts, readyAgents: this.hub.queues.isReady(entry.privateFor, entry.room.name) ? 1 : 0 };
  }

  /** Starts telling this connection about `name`'s availability; sends the current answer at once. */
  watch(name: string, entry: RoomEntry, connection: Connection): void {
    let watched = this.watched.get(name);
    if (!watched) {
      watched = { entry, available: this.isAvailable(entry), connections: new Set() };
      this.watched.set(name, watched);
      if (dependsOnTime(entry.room.availability)) this.scheduleMinute();
    }
    watched.connections.add(connection);
    connection.send(frameJson(watched.available));
  }

  unwatch(name: string, connection: Connection): void {
    const watched = this.watched.get(name);
    if (!watched?.connections.delete(connection) || watched.connections.size > 0) return;
    this.watched.delete(name);
  }

  /** The room's queue or ready agents changed: look again on the next tick. */
  roomChanged(room: string): void {
    this.changedRooms.add(room);
    this.flushTimer ??= this.clock.setTimer(0, () => {
      this.flushTimer = null;
      const rooms = new Set(this.changedRooms);
      this.changedRooms.clear();
      this.refresh((watched) => rooms.has(watched.entry.room.name));
    });
  }

  private scheduleMinute(): void {
    if (this.minuteTimer) return;
    const wait = 60_000 - (this.clock.now() % 60_000) + MINUTE_MARGIN_MS;
    this.minuteTimer = this.clock.setTimer(wait, () => {
      this.minuteTimer = null;
      let timeDependent = false;
      this.refresh((watched) => {
        const depends = dependsOnTime(watched.entry.room.availability);
        timeDependent ||= depends;
        return depends;
      });
      if (timeDependent) this.scheduleMinute();
    });
  }

  private refresh(shouldLook: (watched: Watched) => boolean): void {
    for (const watched of this.watched.values()) {
      if (!shouldLook(watched)) continue;
      const available = this.isAvailable(watched.entry);
      if (available === watched.available) continue;
      watched.available = available;
      const json = frameJson(available);
      for (const connection of watched.connections) connection.send(json);
    }
  }

  close(): void {
    this.flushTimer?.cancel();
    this.minuteTimer?.cancel();
    this.flushTimer = null;
    this.minuteTimer = null;
  }
}

function frameJson(available: boolean): string {
  const frame: AvailabilityFrame = { type: 'availability', available };
  return JSON.stringify(frame);
}
