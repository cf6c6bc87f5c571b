import { type ResolvedServiceLevels, type RoomConfig, resolveServiceLevels, type ServiceLevels } from '@parley/shared/settings';
import type { Directory } from '../config/directory.js';
import type { Clock } from '../core/clock.js';
import type { Metrics } from '../core/metrics.js';
import type { ConversationRecord, Store } from '../store/store.js';
import { AgentState } from './agent-state.js';
import { DayFigures } from './day-figures.js';
import type { Notifier } from './notifier.js';
import type { OpenConversation } from './open-conversation.js';
import { RoomQueue } from './room-queue.js';
import { StatsBoard } from './stats-board.js';
import { toAgentView } from './views.js';

export type HubSettings = {
  /** An agent whose last connection dropped keeps their chats this long. */
  agentReconnectGraceMs: number;
  /** A waiting visitor with no page open for this long leaves the queue. */
  visitorReconnectGraceMs: number;
};

export type HubDeps = {
  directory: Directory;
  store: Store;
  clock: Clock;
  notifier: Notifier;
  settings: HubSettings;
  /** Where offers, timeouts and stored messages are counted (none in unit tests). */
  metrics?: Metrics;
};

/**
 * Everything the hub holds in memory, shared by its parts (router, presence, conversations).
 * One instance per server; nothing here is module-level.
 */
export class HubState {
  private readonly levelsByConfig = new WeakMap<RoomConfig, { global: ServiceLevels | undefined; levels: ResolvedServiceLevels }>();
  readonly directory: Directory;
  readonly store: Store;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly settings: HubSettings;
  readonly metrics: Metrics | null;
  readonly stats: StatsBoard;
  /** Today's chats, waits and first responses per room, for supervisors. */
  readonly today: DayFigures;
  readonly rooms = new Map<string, RoomQueue>();
  readonly agents = new Map<string, AgentState>();
  /** Waiting and active conversations by id. Ended ones live only in the store. */
  readonly open = new Map<string, OpenConversation>();
  /** A visitor's open conversations (one per room at most). */
  readonly openByVisitor = new Map<string, OpenConversation[]>();
  /** Waiting conversations that only one agent may take (private room, sticky phase), per agent, oldest first. */
  readonly reserved = new Map<string, Map<string, OpenConversation>>();
  /** Open pages per visitor. */
  readonly visitorSockets = new Map<string, number>();
  /** Agents with chats but no client, after a restart: their chats return to the queue if they do not come back. */
  readonly orphanTimers = new Map<string, { cancel(): void }>();
  private arrivals = 0;

  constructor(deps: HubDeps) {
    this.directory = deps.directory;
    this.store = deps.store;
    this.clock = deps.clock;
    this.notifier = deps.notifier;
    this.settings = deps.settings;
    this.metrics = deps.metrics ?? null;
    this.stats = new StatsBoard(deps.directory);
    this.today = new DayFigures((room) => deps.directory.room(room)?.timeZone ?? 'UTC');
    for (const room of deps.directory.rooms()) this.rooms.set(room.name, new RoomQueue(room));
    const capacity = (room: string) => this.rooms.get(room)?.config.capacityPerAgent ?? 1;
    for (const agent of deps.directory.agents()) this.agents.set(agent.id, new AgentState(agent, capacity));
  }

  nextArrival(): number {
    return ++this.arrivals;
  }

  room(name: string): RoomQueue {
    const room = this.rooms.get(name);
    if (!room) throw new Error(`room ${name} is not configured`);
    return room;
  }

  /** The agent by canonical id (as configured), or undefined. */
  agent(id: string | null): AgentState | undefined {
    if (id === null) return undefined;
    const canonical = this.directory.agent(id)?.id;
    return canonical === undefined ? undefined : this.agents.get(canonical);
  }

  isVisitorOnline(visitorId: string): boolean {
    return (this.visitorSockets.get(visitorId) ?? 0) > 0;
  }

  /** Sends the agent a chat of theirs as it stands in `record` (a note, a clock, a result, a lead changed). */
  showAgent(agentId: string, record: ConversationRecord): void {
    this.notifier.toAgent(agentId, { type: 'conversation', conversation: toAgentView(record, this.isVisitorOnline(record.visitorId)) });
  }

  /**
   * The response targets and timers that apply to a room, resolved once per settings change (an
   * admin's save replaces the room's config and the profile, so they key the cache): they are
   * read on every message.
   */
  serviceLevels(room: string): ResolvedServiceLevels {
    const config = this.room(room).config;
    const global = this.directory.publicProfile().serviceLevels;
    const cached = this.levelsByConfig.get(config);
    if (cached && cached.global === global) return cached.levels;
    const levels = resolveServiceLevels(config.serviceLevels, global);
    this.levelsByConfig.set(config, { global, levels });
    return levels;
  }

  trackOpen(conversation: OpenConversation): void {
    this.open.set(conversation.id, conversation);
    const list = this.openByVisitor.get(conversation.record.visitorId) ?? [];
    if (!list.includes(conversation)) list.push(conversation);
    this.openByVisitor.set(conversation.record.visitorId, list);
  }

  untrackOpen(conversation: OpenConversation): void {
    this.open.delete(conversation.id);
    const list = this.openByVisitor.get(conversation.record.visitorId)?.filter((c) => c !== conversation) ?? [];
    if (list.length > 0) this.openByVisitor.set(conversation.record.visitorId, list);
    else this.openByVisitor.delete(conversation.record.visitorId);
  }

  /** Applies `change` to the agent and, if their statuses moved, updates statistics and tells the agent. */
  changeStatuses(agent: AgentState, change: () => void): void {
    const before = agent.statuses();
    change();
    const after = agent.statuses();
    if (before.browser === after.browser && before.mobile === after.mobile) return;
    this.stats.update(agent.profile, before, after);
    this.notifier.statusesChanged(agent.id, after);
    this.notifier.toAgent(agent.id, { type: 'status', statuses: after });
  }
}
