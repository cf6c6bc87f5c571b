import type { RoomQueueView } from '@parley/shared';
import type { HubState } from './hub-state.js';
import { toQueueEntry } from './views.js';

/**
 * Read-only views of the queues, for whoever refreshes clients after `queueChanged`: agents see
 * the head of each room's line and its length; each waiting visitor sees their own place.
 */
export class QueueViews {
  constructor(private readonly s: HubState) {}

  /**
   * The room's line as every agent of the room sees it. A chat in an agent's private room waits
   * for that agent alone: it is not listed (nor counted) for the others, who could otherwise read
   * who is asking for a colleague in private; its agent sees it as an offer.
   */
  forAgents(room: string, listed: number): RoomQueueView {
    const queue = this.s.room(room);
    const entries = [];
    let total = 0;
    for (const conversation of queue.waiting.values()) {
      if (conversation.phase === 'private') continue;
      total++;
      if (entries.length < listed) entries.push(toQueueEntry(conversation));
    }
    return { room, total, entries };
  }

  /** When the room's longest-waiting conversation started waiting, or null when none waits. */
  oldestWaitingSince(room: string): number | null {
    const first = this.s.room(room).waiting.values().next();
    return first.done ? null : first.value.record.createdAt;
  }

  /** Each waiting conversation with its visitor and 1-based position, in queue order. */
  *positions(room: string): Generator<{ conversationId: string; visitorId: string; position: number }> {
    let position = 0;
    for (const conversation of this.s.room(room).waiting.values()) {
      position++;
      yield { conversationId: conversation.id, visitorId: conversation.record.visitorId, position };
    }
  }

  /** Facts the availability rules read: agents ready for a new chat, and visitors waiting. */
  facts(room: string): { readyAgents: number; waitingVisitors: number } {
    const queue = this.s.room(room);
    return { readyAgents: queue.ready.size, waitingVisitors: queue.waiting.size };
  }

  /** The room's agents ready for a new chat now (what a private room's availability reads, on other nodes). */
  readyAgentIds(room: string): string[] {
    return [...this.s.room(room).ready].map((agent) => agent.id);
  }

  /** Whether the agent is ready for a new chat from this room (an agent's private room counts only its owner). */
  isReady(agentId: string, room: string): boolean {
    const agent = this.s.agent(agentId);
    return agent !== undefined && this.s.room(room).ready.has(agent);
  }

  /** A visitor's current position in their room, or null when not waiting. */
  positionOf(conversationId: string): number | null {
    const conversation = this.s.open.get(conversationId);
    if (conversation?.record.status !== 'waiting') return null;
    let position = 0;
    for (const id of this.s.room(conversation.room).waiting.keys()) {
      position++;
      if (id === conversationId) return position;
    }
    return null;
  }
}
