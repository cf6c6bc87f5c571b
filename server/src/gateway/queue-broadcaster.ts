import { Limits, type QueueFrame } from '@parley/shared';
import type { Clock, Timer } from '../core/clock.js';
import type { Hub } from '../hub/create-hub.js';
import type { Fanout } from './fanout.js';

/**
 * Turns the hub's "this room's queue changed" into frames: each waiting visitor whose place moved
 * hears their new place, and the room's agents get its queue view. The first change is sent on
 * the next tick; a burst of changes within `intervalMs` is folded into one refresh, so ten
 * thousand visitors leaving a queue cost a handful of passes, not ten thousand.
 */
export class QueueBroadcaster {
  private readonly pending = new Map<string, Timer>();
  private readonly lastFlush = new Map<string, number>();
  /** Per room: conversation id to the position its visitor was last told. */
  private readonly told = new Map<string, Map<string, number>>();
  private readonly agentsByRoom = new Map<string, string[]>();

  constructor(
    private readonly hub: Hub,
    private readonly fanout: Fanout,
    private readonly clock: Clock,
    private readonly intervalMs = 250,
  ) {
    this.settingsChanged();
  }

  /** Agents' rooms may have changed: who gets each room's queue view. */
  settingsChanged(): void {
    this.agentsByRoom.clear();
    for (const agent of this.hub.directory.agents()) {
      for (const room of agent.rooms) this.agentsByRoom.set(room, [...(this.agentsByRoom.get(room) ?? []), agent.id]);
    }
  }

  queueChanged(room: string): void {
    if (this.pending.has(room)) return;
    const wait = Math.max(0, (this.lastFlush.get(room) ?? -Infinity) + this.intervalMs - this.clock.now());
    this.pending.set(
      room,
      this.clock.setTimer(wait, () => this.flush(room)),
    );
  }

  private flush(room: string): void {
    this.pending.delete(room);
    this.lastFlush.set(room, this.clock.now());
    const before = this.told.get(room) ?? new Map<string, number>();
    const now = new Map<string, number>();
    for (const { conversationId, visitorId, position } of this.hub.queues.positions(room)) {
      now.set(conversationId, position);
      if (before.get(conversationId) !== position) this.fanout.toVisitor(visitorId, { type: 'queue', conversationId, position });
    }
    this.told.set(room, now);
    const frame: QueueFrame = { type: 'queue', queue: this.hub.queues.forAgents(room, Limits.queueListed) };
    const json = JSON.stringify(frame);
    this.fanout.toAgentsRaw(this.agentsByRoom.get(room) ?? [], json);
  }

  /** Sends what is pending now (before a shutdown) and stops. */
  close(): void {
    for (const timer of this.pending.values()) timer.cancel();
    this.pending.clear();
  }
}
