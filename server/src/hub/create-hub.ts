import type { Directory } from '../config/directory.js';
import { ChatTimers } from './chat-timers.js';
import type { DayFigures } from './day-figures.js';
import { Dispositions } from './dispositions.js';
import { type HubDeps, HubState } from './hub-state.js';
import { Leads } from './leads.js';
import { Lifecycle } from './lifecycle.js';
import { Messaging } from './messaging.js';
import { Notes } from './notes.js';
import { OfferRouter } from './offer-router.js';
import { PastConversations } from './past-conversations.js';
import { Presence } from './presence.js';
import { QueueViews } from './queue-views.js';
import { Recovery } from './recovery.js';
import { ResponseClocks } from './response-clocks.js';
import { SettingsChanges } from './settings-changes.js';
import type { StatsBoard } from './stats-board.js';
import { Transfers } from './transfers.js';

/** The routing core, assembled. The gateway calls these parts; nothing else holds hub state. */
export type Hub = {
  directory: Directory;
  stats: StatsBoard;
  lifecycle: Lifecycle;
  messaging: Messaging;
  presence: Presence;
  queues: QueueViews;
  /** A visitor's earlier conversations in a room, for the agent dealing with them now. */
  past: PastConversations;
  /** Applies settings changed while running. */
  settings: SettingsChanges;
  /** Agents' internal notes in conversations. */
  notes: Notes;
  /** Chats sent as CRM leads after they end (or not). */
  leads: Leads;
  /** Chats handed from one agent to another, or back to a queue. */
  transfers: Transfers;
  /** Today's chats, waits and first responses per room. */
  figures: DayFigures;
  /** Rebuilds queues and chats from the store; call once before accepting connections. */
  restore(): Promise<void>;
};

export function createHub(deps: HubDeps): Hub {
  const state = new HubState(deps);
  const router = new OfferRouter(state);
  const clocks = new ResponseClocks(state);
  // Its actions are called only when a timer fires, long after everything here is built.
  const timers = new ChatTimers(state, {
    warnVisitor: (record) => messaging.event(record, 'idle-warning'),
    closeForSilence: (open) => lifecycle.closeForSilence(open),
  });
  const messaging = new Messaging(state, clocks, timers);
  const lifecycle = new Lifecycle(state, router, messaging, new Dispositions(state, router), clocks, timers);
  const queues = new QueueViews(state);
  const recovery = new Recovery(state, router, messaging, lifecycle);
  const presence = new Presence(state, router, lifecycle, recovery, queues);
  return {
    directory: deps.directory,
    stats: state.stats,
    lifecycle,
    messaging,
    presence,
    queues,
    past: new PastConversations(state),
    settings: new SettingsChanges(state, router, presence),
    notes: new Notes(state),
    leads: new Leads(state),
    transfers: new Transfers(state, router, lifecycle, messaging),
    figures: state.today,
    async restore() {
      await recovery.restore();
      await lifecycle.dispositions.restore();
    },
  };
}
