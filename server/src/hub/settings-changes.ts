import type { ClientKind } from '@parley/shared';
import type { RoomConfig, StoredAgent } from '@parley/shared/settings';
import { agentRoomsFrame } from '../config/agent-rooms-frame.js';
import type { SettingsChangeEvent } from '../config/settings-change.js';
import { AgentState } from './agent-state.js';
import type { HubState } from './hub-state.js';
import type { OfferRouter } from './offer-router.js';
import type { Presence } from './presence.js';
import { RoomQueue } from './room-queue.js';
import { statusAfterSettingsChange } from './status-rules.js';

/** An agent the settings signed out of these clients: their sockets must close. */
export type SignedOut = { agentId: string; clients: ClientKind[] };

/**
 * What the routing core does when the settings change while it runs (the directory is already
 * updated when this is called). Rooms and agents come and go; a room's new routing settings apply
 * to the next decision (offer and sticky timeouts, capacity, force ready, mobile staff), and the
 * free agents of a room whose limits grew are offered what waits. An agent taken out of a room
 * loses their offers there but keeps the chats they are serving; a disabled or deleted agent, or
 * one signed out everywhere, is signed out of every client (their chats go back to the queue,
 * as on any sign-out). Agents hear their rooms' new settings at once.
 */
export class SettingsChanges {
  constructor(
    private readonly s: HubState,
    private readonly router: OfferRouter,
    private readonly presence: Presence,
  ) {}

  /** Applies a change; says whom it signed out of which clients, so that their sockets can be closed. */
  apply(change: SettingsChangeEvent): SignedOut | null {
    if (change.kind === 'room') this.room(change.id, change.after);
    else if (change.kind === 'agent') return this.agent(change.before, change.after);
    return null;
  }

  /** Whether a room can be deleted now: null if so, else why not. */
  whyRoomIsBusy(name: string): string | null {
    const open = [...this.s.open.values()].filter((conversation) => conversation.room === name).length;
    return open === 0 ? null : `${open} conversation${open === 1 ? ' is' : 's are'} still open in this room; delete it once they have ended`;
  }

  private room(name: string, after: RoomConfig | null): void {
    this.s.stats.setRooms(this.s.directory.rooms().map((room) => room.name));
    if (!after) {
      this.s.rooms.delete(name);
      return;
    }
    const queue = this.s.rooms.get(name);
    if (queue) queue.config = after;
    else this.s.rooms.set(name, new RoomQueue(after));
    for (const agent of this.s.agents.values()) {
      if (!agent.profile.rooms.includes(name)) continue;
      this.s.changeStatuses(agent, () => {
        for (const presence of [agent.clients.browser, agent.clients.mobile]) {
          if (presence) presence.status = statusAfterSettingsChange(after, agent, presence.status);
        }
      });
      this.router.refreshFree(agent);
      this.router.agentFreed(agent);
      this.s.notifier.toAgent(agent.id, agentRoomsFrame(this.s.directory, agent.profile));
    }
  }

  private agent(before: StoredAgent | null, after: StoredAgent | null): SignedOut | null {
    const signedOut = this.agentItself(before, after);
    // Whom a chat can be transferred to changed for everyone sharing a room with this agent.
    const rooms = new Set([...(before?.rooms ?? []), ...(after?.rooms ?? [])]);
    const id = (after ?? before)!.id.toLowerCase();
    for (const other of this.s.agents.values()) {
      if (other.id.toLowerCase() !== id && other.isSignedIn() && other.profile.rooms.some((room) => rooms.has(room))) {
        this.s.notifier.toAgent(other.id, agentRoomsFrame(this.s.directory, other.profile));
      }
    }
    return signedOut;
  }

  private agentItself(before: StoredAgent | null, after: StoredAgent | null): SignedOut | null {
    const id = (after ?? before)!.id;
    const profile = this.s.directory.agent(id);
    const agent = [...this.s.agents.values()].find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
    if (!agent) {
      if (profile) this.s.agents.set(profile.id, new AgentState(profile, (room) => this.s.rooms.get(room)?.config.capacityPerAgent ?? 1));
      return null;
    }
    if (!profile || profile.disabled || (after?.signedOutAt ?? 0) > (before?.signedOutAt ?? 0)) {
      const clients = signedInClients(agent);
      this.presence.signOut(agent.id);
      if (!profile) this.s.agents.delete(agent.id);
      else agent.profile = profile;
      return clients.length > 0 ? { agentId: agent.id, clients } : null;
    }
    const previous = agent.profile;
    agent.profile = profile;
    let signedOut: SignedOut | null = null;
    if (agent.isSignedIn()) {
      const left = new Set(previous.rooms.filter((room) => !profile.rooms.includes(room)));
      if (left.size > 0) this.router.leftRooms(agent, left);
      this.s.stats.moveAgent(previous, profile, agent.statuses());
      // A client the agent may no longer use is signed out; the other stays.
      const refused = signedInClients(agent).filter((client) => !profile.clients.includes(client));
      if (refused.length > 0) {
        this.presence.signOut(agent.id, refused);
        signedOut = { agentId: agent.id, clients: refused };
      }
      this.router.refreshFree(agent);
      this.router.agentFreed(agent);
    }
    this.s.notifier.toAgent(agent.id, agentRoomsFrame(this.s.directory, profile));
    return signedOut;
  }
}

function signedInClients(agent: AgentState): ClientKind[] {
  return (['browser', 'mobile'] as const).filter((client) => agent.clients[client] !== null);
}
