import type { AvailabilityFrame, RoomSettingsFrame, WidgetSettings } from '@parley/shared';
import { dependsOnTime } from '../availability/availability-rules.js';
import type { RoomAvailability } from '../availability/room-availability.js';
import type { Directory, RoomEntry } from '../config/directory.js';
import type { Clock, Timer } from '../core/clock.js';
import type { Connection } from '../transport/transport.js';

type Watched = {
  available: boolean;
  /** The room's public settings as the pages last heard them (without `available`, which has its own frame). */
  settings: string;
  connections: Set<Connection>;
};

/** Timers fire a little late, never much early; this margin makes sure the new minute has begun. */
const MINUTE_MARGIN_MS = 50;

/**
 * What open widgets hear about their room without asking: whether it takes chats now (its
 * availability rules, evaluated here), and its public settings when an admin changes them. Every
 * visitor connection watches its room from the moment it opens. When the hub says a room's queue
 * or its ready agents changed, the watched rooms are looked at again on the next tick (a burst of
 * changes costs one look), and pages hear only actual changes. Rooms with opening hours are also
 * looked at on each new minute, and only while some page watches them.
 */
export class RoomFeed {
  /** By the name visitors use: a room, or an agent's private room. */
  private readonly watched = new Map<string, Watched>();
  private readonly changedRooms = new Set<string>();
  private flushTimer: Timer | null = null;
  private minuteTimer: Timer | null = null;

  constructor(
    private readonly rooms: RoomAvailability,
    private readonly directory: Directory,
    /** The public settings of a room name, as the settings request answers them. */
    private readonly settingsOf: (name: string, entry: RoomEntry) => WidgetSettings,
    private readonly clock: Clock,
  ) {}

  /** Starts telling this connection about `name`; sends whether it is available at once. */
  watch(name: string, connection: Connection): void {
    let watched = this.watched.get(name);
    if (!watched) {
      const entry = this.directory.entry(name);
      if (!entry) return;
      watched = { available: this.rooms.isAvailable(entry), settings: withoutAvailability(this.settingsOf(name, entry)), connections: new Set() };
      this.watched.set(name, watched);
      if (dependsOnTime(entry.room.availability)) this.scheduleMinute();
    }
    watched.connections.add(connection);
    connection.send(availabilityJson(watched.available));
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
      this.refresh((entry) => rooms.has(entry.room.name));
    });
  }

  /**
   * The settings changed: pages whose room's public settings are now different hear them, and
   * every watched room is looked at again (its rules may be new). A room that no longer exists is
   * unavailable from now on.
   */
  settingsChanged(): void {
    for (const [name, watched] of this.watched) {
      const entry = this.directory.entry(name);
      if (!entry) continue;
      const settings = this.settingsOf(name, entry);
      const comparable = withoutAvailability(settings);
      if (comparable === watched.settings) continue;
      watched.settings = comparable;
      const frame: RoomSettingsFrame = { type: 'settings', settings: { ...settings, available: this.rooms.isAvailable(entry) } };
      const json = JSON.stringify(frame);
      for (const connection of watched.connections) connection.send(json);
    }
    this.refresh(() => true);
    if (this.directory.rooms().some((room) => dependsOnTime(room.availability))) this.scheduleMinute();
  }

  private scheduleMinute(): void {
    if (this.minuteTimer) return;
    const wait = 60_000 - (this.clock.now() % 60_000) + MINUTE_MARGIN_MS;
    this.minuteTimer = this.clock.setTimer(wait, () => {
      this.minuteTimer = null;
      let timeDependent = false;
      this.refresh((entry) => {
        const depends = dependsOnTime(entry.room.availability);
        timeDependent ||= depends;
        return depends;
      });
      if (timeDependent) this.scheduleMinute();
    });
  }

  private refresh(shouldLook: (entry: RoomEntry) => boolean): void {
    for (const [name, watched] of this.watched) {
      const entry = this.directory.entry(name);
      if (entry && !shouldLook(entry)) continue;
      const available = entry ? this.rooms.isAvailable(entry) : false;
      if (available === watched.available) continue;
      watched.available = available;
      const json = availabilityJson(available);
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

/** Settings to compare: availability changes by the minute and has its own frame. */
function withoutAvailability({ available: _apart, ...settings }: WidgetSettings): string {
  return JSON.stringify(settings);
}

function availabilityJson(available: boolean): string {
  const frame: AvailabilityFrame = { type: 'availability', available };
  return JSON.stringify(frame);
}
