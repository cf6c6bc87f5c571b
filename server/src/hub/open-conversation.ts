import type { ClientKind, RoutingPhase } from '@parley/shared';
import type { Timer } from '../core/clock.js';
import type { ConversationRecord } from '../store/store.js';

/** One round of offering a waiting conversation: who has it, and when the round times out. */
export type Offer = {
  /** Agent id to the client tier they were offered it on. */
  targets: Map<string, ClientKind>;
  /** How many targets are browser agents: mobile staff join only conversations with none. */
  browserTargets: number;
  startedAt: number;
  expiresAt: number;
  timer: Timer;
};

/**
 * A waiting or active conversation in memory: its durable record plus routing state that a
 * restart may lose without harm (offers are made again, sticky falls back to everyone).
 */
export class OpenConversation {
  /** Position in its room's queue: lower waited longer. Kept when an agent leaves and it is requeued. */
  arrival: number;
  phase: RoutingPhase;
  /** The private room's agent, or during the sticky phase the visitor's previous agent, or the agent a chat is transferred to. */
  preferredAgent: string | null;
  /** While the chat waits for the agent it was transferred to: who sent it, and their note (shown with the offer). */
  transfer: { from: string; note: string | null } | null = null;
  stickyTimer: Timer | null = null;
  offer: Offer | null = null;
  /** The agent whose accept is being written to the store; other accepts are refused meanwhile. */
  claiming: string | null = null;
  /** Whether its agent has written yet (the first message counts toward today's first-response time). */
  answered = false;
  /** Whether the room's unoffered heap holds it (so it is pushed once). */
  inUnoffered = false;
  /** The clock's timer for the next step of the record's `chatTimer` (see ChatTimers). */
  chatTimerHandle: Timer | null = null;
  /** Set while the visitor has no page open and the conversation waits: ends it when it fires. */
  abandonTimer: Timer | null = null;
  /** Set with the abandon timer: puts the conversation aside (offered to nobody) when it fires. */
  awayTimer: Timer | null = null;
  /** Out of routing while its visitor has no page open; offered again when one comes back. */
  parked = false;
  /** `{"type":"message","conversationId":"…","message":` for this conversation, made on its first message. */
  messageFramePrefix: string | null = null;
  /** Start, accept, end and requeue of one conversation run one after another, never interleaved. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    public record: ConversationRecord,
    arrival: number,
    phase: RoutingPhase,
    preferredAgent: string | null,
  ) {
    this.arrival = arrival;
    this.phase = phase;
    this.preferredAgent = preferredAgent;
  }

  get id(): string {
    return this.record.id;
  }

  get room(): string {
    return this.record.room;
  }

  /** Runs `step` after every step queued before it on this conversation. */
  serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.tail.then(step, step);
    this.tail = run.catch(() => undefined);
    return run;
  }

  isOfferedTo(agentId: string): boolean {
    return this.offer?.targets.has(agentId) ?? false;
  }
}
