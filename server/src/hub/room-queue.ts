import type { RoomConfig } from '@parley/shared/settings';
import type { AgentState } from './agent-state.js';
import { MinHeap } from './min-heap.js';
import type { OpenConversation } from './open-conversation.js';

const byArrival = (a: OpenConversation, b: OpenConversation) => a.arrival < b.arrival;

/**
 * A room's waiting line and the agents free to take from it. The heaps answer "oldest waiting
 * conversation nobody has been offered" and "oldest open to everyone" in O(log n); entries that
 * no longer qualify are dropped lazily when they reach the top.
 */
export class RoomQueue {
  /** Every waiting conversation of the room, oldest first (positions come from this order). */
  readonly waiting = new Map<string, OpenConversation>();
  /** Agents with a free slot here, ready on the browser, or only on the mobile client. */
  readonly freeBrowser = new Set<AgentState>();
  readonly freeMobile = new Set<AgentState>();
  /** Agents ready for a new chat on a client this room takes chats from, whether or not they have a free slot. */
  readonly ready = new Set<AgentState>();
  private readonly unoffered = new MinHeap<OpenConversation>(byArrival);
  private readonly everyone = new MinHeap<OpenConversation>(byArrival);
  private readonly inEveryone = new WeakSet<OpenConversation>();
  /** The highest arrival number ever added (it may have left since): anything newer goes last. */
  private newestArrival = -Infinity;

  constructor(public config: RoomConfig) {}

  get name(): string {
    return this.config.name;
  }

  /** Adds in arrival order; a requeued conversation goes back to where it first arrived. */
  add(conversation: OpenConversation): void {
    // New arrivals (the usual case) are newer than anything ever added: appended in O(1). Only a
    // requeued conversation, older than that, pays for re-sorting the line.
    if (this.waiting.size === 0 || conversation.arrival > this.newestArrival) {
      this.newestArrival = Math.max(this.newestArrival, conversation.arrival);
      this.waiting.set(conversation.id, conversation);
      return;
    }
    const ordered = [...this.waiting.values(), conversation].sort((a, b) => a.arrival - b.arrival);
    this.waiting.clear();
    for (const item of ordered) this.waiting.set(item.id, item);
  }

  remove(conversation: OpenConversation): void {
    this.waiting.delete(conversation.id);
  }

  /** The conversation is now open to every agent of the room. */
  openToEveryone(conversation: OpenConversation): void {
    if (this.inEveryone.has(conversation)) return;
    this.inEveryone.add(conversation);
    this.everyone.push(conversation);
  }

  /** The conversation lost its last offer (or never had one). */
  markUnoffered(conversation: OpenConversation): void {
    if (conversation.inUnoffered) return;
    conversation.inUnoffered = true;
    this.unoffered.push(conversation);
  }

  private isWaitingForEveryone(conversation: OpenConversation): boolean {
    return this.waiting.has(conversation.id) && conversation.phase === 'everyone' && conversation.claiming === null;
  }

  /** The longest-waiting conversation open to everyone and offered to nobody. */
  oldestUnoffered(): OpenConversation | undefined {
    return this.unoffered.peekValid((conversation) => {
      const stale = !this.isWaitingForEveryone(conversation) || conversation.offer !== null;
      if (stale) conversation.inUnoffered = false;
      return stale;
    });
  }

  /** The head of the queue among conversations open to everyone. */
  head(): OpenConversation | undefined {
    return this.everyone.peekValid((conversation) => {
      const stale = !this.isWaitingForEveryone(conversation);
      if (stale) this.inEveryone.delete(conversation);
      return stale;
    });
  }
}
