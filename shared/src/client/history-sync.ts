import type { ChatMessage } from '../message.js';
import { contiguousSeq, missingAfter } from './message-log.js';

/**
 * Asks the server for what a client is missing, by the one recovery rule (missingAfter), with at
 * most one `sync` in flight per conversation: a burst of out-of-order frames asks once. History
 * comes in pages; each page answers the request, and the next request starts at `contiguousSeq`
 * again until nothing is missing.
 */
export class HistorySync {
  /** Conversation id to the seq its request in flight asked after. */
  private readonly inFlight = new Map<string, number>();

  /** `send` sends `{ type: 'sync', conversationId, afterSeq }`; false when it could not (not connected). */
  constructor(private readonly send: (conversationId: string, afterSeq: number) => boolean) {}

  /** Asks for everything after `afterSeq`, unless a request for this conversation is in flight. */
  request(conversationId: string, afterSeq: number): void {
    if (this.inFlight.has(conversationId)) return;
    if (this.send(conversationId, afterSeq)) this.inFlight.set(conversationId, afterSeq);
  }

  /** Asks for everything after the gap-free point, whether or not anything is known to be missing (to learn how a chat ended). */
  resume(conversationId: string, messages: readonly ChatMessage[]): void {
    this.request(conversationId, contiguousSeq(messages));
  }

  /** Asks for what is missing, if anything is (see missingAfter). */
  fill(conversationId: string, messages: readonly ChatMessage[], serverLastSeq = 0): void {
    const after = missingAfter(messages, serverLastSeq);
    if (after !== null) this.request(conversationId, after);
  }

  /**
   * A history page arrived and is merged into `messages`: its request is answered. With `more`,
   * the next page is asked for from the gap-free point (unless the page brought nothing new there,
   * which would only ask for the same page again).
   */
  answered(conversationId: string, messages: readonly ChatMessage[], more: boolean, serverLastSeq = 0): void {
    const askedAfter = this.inFlight.get(conversationId);
    this.inFlight.delete(conversationId);
    const after = contiguousSeq(messages);
    if (more && (askedAfter === undefined || after > askedAfter)) this.resume(conversationId, messages);
    else if (!more) this.fill(conversationId, messages, serverLastSeq);
  }

  /** The server refused a request (the conversation is not ours any more): stop waiting for it. */
  refused(conversationId: string): void {
    this.inFlight.delete(conversationId);
  }

  /** The connection dropped: whatever was in flight is lost with it. */
  reset(): void {
    this.inFlight.clear();
  }
}
