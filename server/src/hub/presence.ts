import { type AgentStatus, type AgentWelcomeFrame, type ChosenStatus, type ClientKind, type ClientStatuses, ErrorCode, Limits } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import type { AgentState } from './agent-state.js';
import type { HubState } from './hub-state.js';
import type { Lifecycle } from './lifecycle.js';
import type { OfferRouter } from './offer-router.js';
import type { QueueViews } from './queue-views.js';
import type { Recovery } from './recovery.js';
import { statusOnSignIn } from './status-rules.js';
import { toOfferView } from './views.js';

/**
 * Who is here: agents' clients signing in, dropping, coming back within the grace period, choosing
 * ready or break; visitors' pages opening and closing. Every change that can free an agent or
 * strand a chat ends in a routing call.
 */
export class Presence {
  constructor(
    private readonly s: HubState,
    private readonly router: OfferRouter,
    private readonly lifecycle: Lifecycle,
    private readonly recovery: Recovery,
    private readonly queues: QueueViews,
  ) {}

  private agentOrFail(agentId: string): AgentState {
    const agent = this.s.agent(agentId);
    if (!agent) throw new Refusal(ErrorCode.NOT_ALLOWED, 'This agent is no longer configured.');
    return agent;
  }

  /**
   * A connection of the agent's `client` opened. `greet` receives the welcome before any offer made
   * as a result of this connection, so the client sees them in order.
   */
  agentConnected(agentId: string, client: ClientKind, wanted: AgentStatus | undefined, greet: (welcome: AgentWelcomeFrame) => void): void {
    const agent = this.agentOrFail(agentId);
    this.s.orphanTimers.get(agent.id)?.cancel();
    this.s.orphanTimers.delete(agent.id);
    this.s.changeStatuses(agent, () => {
      const presence = agent.clients[client];
      if (presence) {
        presence.sockets++;
        presence.graceTimer?.cancel();
        presence.graceTimer = null;
      } else {
        agent.clients[client] = {
          status: this.lifecycle.dispositions.afterEnd(agent, statusOnSignIn(agent, client, wanted), 'agent'),
          sockets: 1,
          graceTimer: null,
        };
      }
    });
    this.router.refreshFree(agent);
    greet(this.welcome(agent, client));
    this.router.agentFreed(agent);
  }

  private welcome(agent: AgentState, client: ClientKind): AgentWelcomeFrame {
    const { profile } = agent;
    return {
      type: 'welcome',
      agent: { id: profile.id, name: profile.name, rooms: profile.rooms, privateRoom: profile.privateRoom, capacity: profile.capacity ?? null },
      client,
      statuses: agent.statuses(),
      conversations: [...agent.active.values()].map((c) => this.lifecycle.agentView(c)),
      offers: [...agent.offers.values()].map((c) => toOfferView(c, this.s.isVisitorOnline(c.record.visitorId))),
      queues: profile.rooms.map((room) => this.queues.forAgents(room, Limits.queueListed)),
    };
  }

  /** A connection closed. The last one of a client starts the grace period; offers go to others at once. */
  agentDisconnected(agentId: string, client: ClientKind): void {
    const agent = this.s.agent(agentId);
    const presence = agent?.clients[client];
    if (!agent || !presence || presence.sockets === 0) return;
    presence.sockets--;
    if (presence.sockets > 0) return;
    this.router.refreshFree(agent);
    if (agent.tier() === null) this.router.agentUnavailable(agent);
    presence.graceTimer = this.s.clock.setTimer(this.s.settings.agentReconnectGraceMs, () => this.signOffClient(agent, client));
  }

  private signOffClient(agent: AgentState, client: ClientKind): void {
    const presence = agent.clients[client];
    if (!presence || presence.sockets > 0) return;
    presence.graceTimer?.cancel();
    this.s.changeStatuses(agent, () => {
      agent.clients[client] = null;
    });
    this.afterSignOff(agent);
  }

  /**
   * Some of the agent's sockets were signed out (one session ended): they are counted out now, and
   * a client left with none goes off duty at once; the agent's other sessions keep theirs.
   */
  signOutSockets(agentId: string, sockets: Partial<Record<ClientKind, number>>): void {
    const agent = this.s.agent(agentId);
    if (!agent) return;
    this.s.changeStatuses(agent, () => {
      for (const [client, count] of Object.entries(sockets) as [ClientKind, number][]) {
        const presence = agent.clients[client];
        if (!presence) continue;
        presence.sockets = Math.max(0, presence.sockets - count);
        if (presence.sockets > 0) continue;
        presence.graceTimer?.cancel();
        agent.clients[client] = null;
      }
    });
    this.afterSignOff(agent);
  }

  /** Signs the agent out of these clients at once (both by default); chats go back to the queue if no client is left. */
  signOut(agentId: string, clients: readonly ClientKind[] = ['browser', 'mobile']): void {
    const agent = this.s.agent(agentId);
    if (!agent) return;
    this.s.changeStatuses(agent, () => {
      for (const client of clients) {
        agent.clients[client]?.graceTimer?.cancel();
        agent.clients[client] = null;
      }
    });
    this.afterSignOff(agent);
  }

  private afterSignOff(agent: AgentState): void {
    this.router.refreshFree(agent);
    if (agent.tier() === null) this.router.agentUnavailable(agent);
    if (!agent.isSignedIn()) void this.recovery.requeueAll(agent);
  }

  /** Ready or break, on one client. Ready while holding a full load of chats is refused. */
  setStatus(agentId: string, client: ClientKind, status: ChosenStatus): void {
    const agent = this.agentOrFail(agentId);
    const presence = agent.clients[client];
    if (!presence) throw new Refusal(ErrorCode.NOT_ALLOWED, 'This client is not signed in.');
    if (status === 'WAITING_NEW_CALL' && !agent.hasCapacityLeft()) {
      throw new Refusal(ErrorCode.AT_CAPACITY, 'You already have as many chats as you can take; end one first.');
    }
    const owed = status === 'WAITING_NEW_CALL' ? this.lifecycle.dispositions.readyRefusal(agent) : null;
    if (owed) throw owed;
    this.s.changeStatuses(agent, () => {
      presence.status = status;
    });
    this.router.refreshFree(agent);
    if (agent.tier() === null) this.router.agentUnavailable(agent);
    else this.router.agentFreed(agent);
  }

  /** An agent's status on each client (null where not signed in). */
  statusesOf(agentId: string): ClientStatuses {
    return this.s.agent(agentId)?.statuses() ?? { browser: null, mobile: null };
  }

  visitorConnected(visitorId: string): void {
    const count = (this.s.visitorSockets.get(visitorId) ?? 0) + 1;
    this.s.visitorSockets.set(visitorId, count);
    if (count === 1) this.lifecycle.visitorCameBack(visitorId);
  }

  visitorDisconnected(visitorId: string): void {
    const count = (this.s.visitorSockets.get(visitorId) ?? 0) - 1;
    if (count > 0) {
      this.s.visitorSockets.set(visitorId, count);
      return;
    }
    this.s.visitorSockets.delete(visitorId);
    this.lifecycle.visitorWentAway(visitorId);
  }
}
