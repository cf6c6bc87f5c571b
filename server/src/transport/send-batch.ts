/** A connection whose sends wait for the end of the turn. */
export interface Flushable {
  /** Writes everything queued since the last flush. */
  flush(): void;
}

/**
 * Gathers what is sent to each connection while the server handles one event (a frame, the
 * journal's group commit resolving a batch of messages) and writes it when that work is done:
 * every connection's frames then leave in one system call instead of one each. The flush runs on
 * `process.nextTick`, after the promise continuations of the current event, so nothing waits for
 * a later turn of the event loop. One per transport (no module state).
 */
export class SendBatch {
  private readonly waiting: Flushable[] = [];
  private scheduled = false;

  /** Call on a connection's first queued frame since its last flush. */
  enlist(connection: Flushable): void {
    this.waiting.push(connection);
    if (this.scheduled) return;
    this.scheduled = true;
    process.nextTick(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    // Flushing can enlist again (a connection closed for backpressure sends nothing, but be safe): take the list first.
    for (const connection of this.waiting.splice(0)) connection.flush();
  };
}
