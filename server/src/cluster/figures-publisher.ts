import type { ClientStatuses } from '@parley/shared';
import type { Directory } from '../config/directory.js';
import type { Hub } from '../hub/create-hub.js';
import type { BusNews } from './bus-message.js';
import type { FiguresSnapshot } from './figures-replica.js';
import type { OwnerCore } from './owner-core.js';

/**
 * On the routing owner: tells the other nodes how the figures move. Statuses as they change; a
 * room's waiting count and the change in its ready agents once per turn of the event loop however
 * many changes it saw (a burst of routing costs one message per room).
 */
export class FiguresPublisher {
  private readonly published = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private flushing = false;
  private stopped = false;

  constructor(
    private readonly core: OwnerCore,
    private readonly directory: Directory,
    private readonly tell: (news: BusNews) => void,
  ) {
    core.signals.onStatusesChanged((agentId, statuses) => this.tell({ k: 'status', agent: agentId, statuses }));
    core.signals.onQueueChanged((room) => this.changed(room));
    core.signals.onReadyAgentsChanged((room) => this.changed(room));
  }

  /** Everything now, for a node starting its copy (and the point from which the news it hears apply). */
  snapshot(): FiguresSnapshot {
    const hub = this.core.hub;
    const statuses: [string, ClientStatuses][] = [];
    for (const agent of this.directory.agents()) {
      const current = hub.presence.statusesOf(agent.id);
      if (current.browser !== null || current.mobile !== null) statuses.push([agent.id, current]);
    }
    const rooms = this.directory.rooms().map(({ name }): [string, number, string[]] => {
      const ready = this.ready(hub, name);
      this.published.set(name, new Set(ready));
      return [name, hub.queues.facts(name).waitingVisitors, ready];
    });
    return { statuses, rooms };
  }

  stop(): void {
    this.stopped = true;
  }

  private changed(room: string): void {
    this.dirty.add(room);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushing = false;
    if (this.stopped) return;
    const hub = this.core.hub;
    for (const room of this.dirty) {
      if (!this.directory.room(room)) continue;
      const now = new Set(this.ready(hub, room));
      const before = this.published.get(room) ?? new Set<string>();
      const add = [...now].filter((id) => !before.has(id));
      const remove = [...before].filter((id) => !now.has(id));
      this.published.set(room, now);
      this.tell({ k: 'room', room, waiting: hub.queues.facts(room).waitingVisitors, add, remove });
    }
    this.dirty.clear();
  }

  private ready(hub: Hub, room: string): string[] {
    return hub.queues.readyAgentIds(room);
  }
}
