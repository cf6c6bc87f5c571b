/**
 * What a node publishes in one turn of its event loop, gathered into one PUBLISH per channel where
 * that keeps every listener's order. A busy owner says thousands of things a second (an offer to
 * each agent, a message to each side, a status to every node); one Redis command each left it 20 s
 * behind in a burst of 10,000 visitors, its commands timing out before they were even sent.
 *
 * Order: a node hears the `all` channel and its own (`node:<id>`), and the owner also `owner`. A
 * message joins the latest batch of its channel only if no batch after that one can be heard by
 * the same node; otherwise it starts a new batch. Each listener so hears everything in the order
 * it was said, and batches leave through one connection in the order they were started.
 */

/** A batch on the wire: this marker line, then one message per line. */
const BATCH = 'b\n';

type Batch = { channel: string; messages: string[]; bytes: number; done: Promise<void>; settle: (error: unknown) => void };

/** A batch is sent as it is once this big, so that no one message waits behind megabytes. */
const MAX_BATCH_BYTES = 256 * 1024;

export class PublishBatches {
  private batches: Batch[] = [];
  private scheduled = false;

  constructor(
    private readonly channels: { all: string; owner: string },
    private readonly send: (channel: string, payload: string) => Promise<unknown>,
  ) {}

  /** Resolves once Redis took the batch the message went in; rejects with its error. */
  publish(channel: string, message: string): Promise<void> {
    // A message with a line break of its own cannot share a batch (JSON never has one; be sure).
    const batch = message.includes('\n') ? null : this.openBatchFor(channel, message.length);
    if (batch) {
      batch.messages.push(message);
      batch.bytes += message.length;
      return batch.done;
    }
    const alone = this.newBatch(channel);
    alone.messages.push(message);
    alone.bytes = MAX_BATCH_BYTES;
    return alone.done;
  }

  private openBatchFor(channel: string, bytes: number): Batch | null {
    for (let i = this.batches.length - 1; i >= 0; i--) {
      const batch = this.batches[i]!;
      if (batch.channel === channel) return batch.bytes + bytes <= MAX_BATCH_BYTES ? batch : this.newBatch(channel);
      if (this.heardTogether(batch.channel, channel)) break;
    }
    return this.newBatch(channel);
  }

  /** Whether one node may hear both channels. */
  private heardTogether(a: string, b: string): boolean {
    const { all, owner } = this.channels;
    if (a === all || b === all) return true;
    // The owner is some node: it hears its own channel too.
    return a === owner || b === owner;
  }

  private newBatch(channel: string): Batch {
    let settle: (error: unknown) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === null ? resolve() : reject(error));
    });
    // Each caller handles the outcome; this keeps a failure nobody waited for from going unhandled.
    done.catch(() => {});
    const batch: Batch = { channel, messages: [], bytes: 0, done, settle };
    this.batches.push(batch);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return batch;
  }

  private flush(): void {
    const batches = this.batches;
    this.batches = [];
    this.scheduled = false;
    for (const batch of batches) {
      const payload = batch.messages.length === 1 ? batch.messages[0]! : BATCH + batch.messages.join('\n');
      this.send(batch.channel, payload).then(
        () => batch.settle(null),
        (error: unknown) => batch.settle(error),
      );
    }
  }
}

/** The messages in what was heard on a channel: a batch's, or the one message. */
export function unbatch(payload: string): string[] {
  return payload.startsWith(BATCH) ? payload.slice(BATCH.length).split('\n') : [payload];
}
