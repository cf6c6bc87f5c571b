import type { AgentStatus, ClientKind, ClientStatuses } from '@parley/shared';
import type { AgentEntry } from '../config/directory.js';
import type { Timer } from '../core/clock.js';
import type { OpenConversation } from './open-conversation.js';

/** One of an agent's clients (browser or mobile) while signed in. */
export type ClientPresence = {
  status: AgentStatus;
  /** Open connections of this client (tabs). Zero while the reconnect grace period runs. */
  sockets: number;
  graceTimer: Timer | null;
};

function bump(counts: Map<string, number>, room: string, by: number): void {
  const next = (counts.get(room) ?? 0) + by;
  if (next === 0) counts.delete(room);
  else counts.set(room, next);
}

/**
 * An agent as the hub tracks them: per-client presence and status, the conversations they hold,
 * and the offers they have. Capacity counts both, so an agent with room for one chat is offered
 * one chat at a time and accepting it can never exceed the capacity.
 */
export class AgentState {
  readonly clients: Record<ClientKind, ClientPresence | null> = { browser: null, mobile: null };
  readonly active = new Map<string, OpenConversation>();
  readonly offers = new Map<string, OpenConversation>();
  /** Ended chats of theirs that still need a result code (their room requires one): not ready until given. */
  readonly awaitingCode = new Set<string>();
  /** In a wrap-up after a chat: offered nothing until `wrapUpTimer` fires. */
  wrappingUp = false;
  wrapUpUntil = 0;
  wrapUpTimer: Timer | null = null;
  private readonly activeByRoom = new Map<string, number>();
  private readonly offersByRoom = new Map<string, number>();

  constructor(
    public profile: AgentEntry,
    private readonly roomCapacity: (room: string) => number,
  ) {}

  get id(): string {
    return this.profile.id;
  }

  isSignedIn(): boolean {
    return this.clients.browser !== null || this.clients.mobile !== null;
  }

  isConnected(): boolean {
    return (this.clients.browser?.sockets ?? 0) > 0 || (this.clients.mobile?.sockets ?? 0) > 0;
  }

  /**
   * The client new chats can reach: the browser when it is connected and ready, otherwise the
   * mobile client when it is (browser staff first, mobile staff when none is free).
   */
  tier(): ClientKind | null {
    // Wrapping up after a chat: ready or not, offered nothing until it is over.
    if (this.wrappingUp) return null;
    const { browser, mobile } = this.clients;
    if (browser && browser.sockets > 0 && browser.status === 'WAITING_NEW_CALL') return 'browser';
    if (mobile && mobile.sockets > 0 && mobile.status === 'WAITING_NEW_CALL') return 'mobile';
    return null;
  }

  /** Room for more offers from `room`: capacity minus chats held and offers pending. */
  freeSlots(room: string): number {
    const own = this.profile.capacity;
    if (own !== undefined) return own - this.active.size - this.offers.size;
    return this.roomCapacity(room) - (this.activeByRoom.get(room) ?? 0) - (this.offersByRoom.get(room) ?? 0);
  }

  /** Whether the agent holds fewer chats than their capacity in at least one room (offers aside). */
  hasCapacityLeft(): boolean {
    const own = this.profile.capacity;
    if (own !== undefined) return this.active.size < own;
    return this.profile.rooms.some((room) => (this.activeByRoom.get(room) ?? 0) < this.roomCapacity(room));
  }

  statuses(): ClientStatuses {
    return { browser: this.clients.browser?.status ?? null, mobile: this.clients.mobile?.status ?? null };
  }

  addActive(conversation: OpenConversation): void {
    if (this.active.has(conversation.id)) return;
    this.active.set(conversation.id, conversation);
    bump(this.activeByRoom, conversation.room, 1);
  }

  removeActive(conversation: OpenConversation): void {
    if (this.active.delete(conversation.id)) bump(this.activeByRoom, conversation.room, -1);
  }

  addOffer(conversation: OpenConversation): void {
    if (this.offers.has(conversation.id)) return;
    this.offers.set(conversation.id, conversation);
    bump(this.offersByRoom, conversation.room, 1);
  }

  removeOffer(conversation: OpenConversation): void {
    if (this.offers.delete(conversation.id)) bump(this.offersByRoom, conversation.room, -1);
  }

  /** Chats this agent serves from one client. */
  activeOn(client: ClientKind): number {
    let count = 0;
    for (const conversation of this.active.values()) if (conversation.record.servedFrom === client) count++;
    return count;
  }
}
