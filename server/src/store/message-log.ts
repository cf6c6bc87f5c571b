import type { ChatMessage } from '@parley/shared';
import { ClientIdIndex } from './client-id-index.js';
import type { LineLog } from './line-log.js';

/**
 * Messages an open conversation keeps in memory: its latest ones, enough for a client that
 * resumes after a dropped connection (it asks from the last one it saw) and for duplicate sends,
 * which are the latest too. A power of two (the tail is a ring indexed by sequence number).
 */
export const TAIL_MESSAGES = 32;

/**
 * One conversation's messages in the embedded store. The journal holds every message; memory
 * holds where each one is in it (12 bytes a message, in typed arrays outside the JavaScript heap),
 * its client id's hash, and only the latest few messages themselves, while the conversation is
 * open. Everything else is read back from the journal when asked for, so the heap does not grow
 * with every message ever sent and the garbage collector does not copy them around.
 */
export class MessageLog {
  lastSeq = 0;
  private offsets = new Float64Array(16);
  private lengths = new Uint32Array(16);
  private readonly clientIds = new ClientIdIndex();
  /** The latest TAIL_MESSAGES messages by (seq - 1) % TAIL_MESSAGES; null once the conversation ended. */
  private tail: (ChatMessage | undefined)[] | null = new Array<ChatMessage | undefined>(TAIL_MESSAGES);

  /** The start of this conversation's message lines in the journal, up to the message's JSON. */
  readonly linePrefix: string;

  constructor(
    conversationId: string,
    private readonly lines: Pick<LineLog, 'read'>,
  ) {
    this.linePrefix = `{"t":"msg","c":${JSON.stringify(conversationId)},"m":`;
  }

  /** Records a message stored at `offset` in the lines (with the next sequence number). */
  add(message: ChatMessage, offset: number, length: number): void {
    const seq = message.seq;
    if (seq > this.offsets.length) this.grow(seq);
    this.offsets[seq - 1] = offset;
    this.lengths[seq - 1] = length;
    if (seq > this.lastSeq) this.lastSeq = seq;
    this.clientIds.add(message.clientId, seq);
    if (this.tail) this.tail[(seq - 1) & (TAIL_MESSAGES - 1)] = message;
  }

  /** The stored message with this client id, if any. */
  byClientId(clientId: string): ChatMessage | undefined {
    const seq = this.clientIds.find(clientId, (candidate) => this.get(candidate)?.clientId);
    return seq === 0 ? undefined : this.get(seq);
  }

  /** Messages with sequence numbers from `from` to `to`, in order; read from the journal unless in the tail. */
  range(from: number, to: number): ChatMessage[] {
    const found: ChatMessage[] = [];
    for (let seq = Math.max(1, from); seq <= Math.min(to, this.lastSeq); seq++) {
      const message = this.get(seq);
      if (message) found.push(message);
    }
    return found;
  }

  /** Where message `seq`'s line is (its address and length), or null for none. */
  place(seq: number): { address: number; length: number } | null {
    if (seq < 1 || seq > this.lastSeq || this.lengths[seq - 1] === 0) return null;
    return { address: this.offsets[seq - 1]!, length: this.lengths[seq - 1]! };
  }

  /** Message `seq`'s line was copied elsewhere (a compaction): it is read from there from now on. */
  move(seq: number, address: number, length: number): void {
    this.offsets[seq - 1] = address;
    this.lengths[seq - 1] = length;
  }

  /** The message's entry as written (its journal line without checksum), or null for none. */
  line(seq: number): string | null {
    const place = this.place(seq);
    return place && this.lines.read(place.address, place.length);
  }

  /** An ended conversation is read rarely (transcripts, past conversations): its tail is let go. */
  release(): void {
    this.tail = null;
  }

  private get(seq: number): ChatMessage | undefined {
    if (seq < 1 || seq > this.lastSeq) return undefined;
    const kept = this.tail?.[(seq - 1) & (TAIL_MESSAGES - 1)];
    if (kept?.seq === seq) return kept;
    const length = this.lengths[seq - 1]!;
    // A gap (a line lost to a corrupt journal) has no line.
    if (length === 0) return undefined;
    return (JSON.parse(this.lines.read(this.offsets[seq - 1]!, length)) as { m: ChatMessage }).m;
  }

  private grow(seq: number): void {
    let size = this.offsets.length * 2;
    while (size < seq) size *= 2;
    const offsets = new Float64Array(size);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.offsets = offsets;
    this.lengths = lengths;
  }
}
