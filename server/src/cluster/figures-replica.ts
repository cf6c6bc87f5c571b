import type { ClientStatuses } from '@parley/shared';
import type { Directory } from '../config/directory.js';
import { StatsBoard } from '../hub/stats-board.js';
import type { LiveFigures } from '../owner/live-figures.js';

/** Everything a node needs to start a copy of the figures: what the owner has now. */
export type FiguresSnapshot = {
  statuses: [agentId: string, statuses: ClientStatuses][];
  rooms: [room: string, waiting: number, ready: string[]][];
};

const OFF: ClientStatuses = { browser: null, mobile: null };

/**
 * A node's copy of the owner's live figures: agents' statuses (the statistics and "who is online")
 * and each room's waiting visitors and ready agents (availability rules). Started from a snapshot
 * the owner sends, kept current by the owner's news, in the order it said it. Until a snapshot
 * arrives it knows nothing, and says so: nobody signed in, nobody waiting.
 */
export class FiguresReplica implements LiveFigures {
  private statusesById = new Map<string, ClientStatuses>();
  private rooms = new Map<string, { waiting: number; ready: Set<string> }>();
  private stats: StatsBoard;
  private loaded = false;
  private readonly listeners: ((room: string) => void)[] = [];

  constructor(private readonly directory: Directory) {
    this.stats = new StatsBoard(directory);
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  onRoomChanged(listener: (room: string) => void): void {
    this.listeners.push(listener);
  }

  load(snapshot: FiguresSnapshot): void {
    this.statusesById = new Map(snapshot.statuses);
    this.rooms = new Map(snapshot.rooms.map(([room, waiting, ready]) => [room, { waiting, ready: new Set(ready) }]));
    this.loaded = true;
    this.rebuildStats();
    for (const room of this.rooms.keys()) this.roomChanged(room);
  }

  /** The owner changed: what this copy knew is of the old one; wait for the new one's snapshot. */
  forget(): void {
    this.loaded = false;
    const rooms = [...this.rooms.keys()];
    this.statusesById.clear();
    this.rooms.clear();
    this.rebuildStats();
    for (const room of rooms) this.roomChanged(room);
  }

  status(agentId: string, statuses: ClientStatuses): void {
    if (!this.loaded) return;
    const agent = this.directory.agent(agentId);
    const before = this.statusesById.get(agentId) ?? OFF;
    if (statuses.browser === null && statuses.mobile === null) this.statusesById.delete(agentId);
    else this.statusesById.set(agentId, statuses);
    if (agent) this.stats.update(agent, before, statuses);
  }

  room(room: string, waiting: number, add: readonly string[], remove: readonly string[]): void {
    if (!this.loaded) return;
    let facts = this.rooms.get(room);
    if (!facts) this.rooms.set(room, (facts = { waiting, ready: new Set() }));
    facts.waiting = waiting;
    for (const id of add) facts.ready.add(id);
    for (const id of remove) facts.ready.delete(id);
    this.roomChanged(room);
  }

  /** Rooms or agents changed: the statistics are counted again over the new rooms. */
  settingsChanged(): void {
    this.rebuildStats();
  }

  facts(room: string): { readyAgents: number; waitingVisitors: number } {
    const facts = this.rooms.get(room);
    return { readyAgents: facts?.ready.size ?? 0, waitingVisitors: facts?.waiting ?? 0 };
  }

  isReady(agentId: string, room: string): boolean {
    const id = this.directory.agent(agentId)?.id ?? agentId;
    return this.rooms.get(room)?.ready.has(id) ?? false;
  }

  statsSummary(room: string): string | undefined {
    return this.stats.summary(room);
  }

  statsDetails(room: string): string | undefined {
    return this.stats.details(room);
  }

  statuses(agentId: string): ClientStatuses {
    const id = this.directory.agent(agentId)?.id ?? agentId;
    return this.statusesById.get(id) ?? OFF;
  }

  /** Not kept on a node that does not route: the routing node reports it. */
  oldestWaitingSince(): null {
    return null;
  }

  private rebuildStats(): void {
    this.stats = new StatsBoard(this.directory);
    for (const [agentId, statuses] of this.statusesById) {
      const agent = this.directory.agent(agentId);
      if (agent) this.stats.update(agent, OFF, statuses);
    }
  }

  private roomChanged(room: string): void {
    for (const listener of this.listeners) listener(room);
  }
}
