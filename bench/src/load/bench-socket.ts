import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/** ws masks client frames with a random key by default; an all-zero key is valid and skips the XOR. */
const zeroMask = (mask: Buffer) => {
  mask[0] = mask[1] = mask[2] = mask[3] = 0;
};

/**
 * One WebSocket of the load generator, built to cost the generator as little as possible: no
 * masking work, no UTF-8 validation, and everything sent in one turn of the event loop corked into
 * one write. `onText` is swapped between a parsing handler (setting up) and a lean one (measuring).
 */
export class BenchSocket {
  onClose: (code: number) => void = () => {};
  closed = false;
  private corked = false;
  private readonly tcp: Socket;

  /** Null while holding: frames wait in `held` until a handler is set (none is lost in between). */
  private handler: ((text: string) => void) | null = null;
  private held: string[] = [];

  private constructor(private readonly ws: WebSocket) {
    this.tcp = (ws as unknown as { _socket: Socket })._socket;
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (this.handler) this.handler(text);
      else this.held.push(text);
    });
    ws.on('close', (code) => {
      this.closed = true;
      this.onClose(code);
    });
    ws.on('error', () => {
      // A failed socket also emits close, which is where the scenario hears about it.
    });
  }

  /** Opens a WebSocket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, options: { localAddress?: string; timeoutMs?: number } = {}): Promise<BenchSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, {
        perMessageDeflate: false,
        skipUTF8Validation: true,
        generateMask: zeroMask,
        handshakeTimeout: options.timeoutMs ?? 60_000,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      });
      ws.once('open', () => resolve(new BenchSocket(ws)));
      ws.once('unexpected-response', (_request, response) => {
        reject(new Error(`upgrade refused with ${response.statusCode} for ${url}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  /** Handles every text frame from now on, after those received while holding. */
  set onText(handler: (text: string) => void) {
    this.handler = handler;
    // A handler may hand over to another one (or hold) part-way: whatever is left goes to that.
    while (this.held.length > 0 && this.handler) this.handler(this.held.shift()!);
  }

  /**
   * Keeps frames until the next `onText`: for hand-overs between one step and the next.
   * `replay` goes first (frames a step read but belong to the next one).
   */
  hold(replay: string[] = []): void {
    this.handler = null;
    this.held.unshift(...replay);
  }

  send(text: string): void {
    if (this.closed) return;
    if (!this.corked) {
      this.corked = true;
      this.tcp.cork();
      process.nextTick(() => {
        this.corked = false;
        this.tcp.uncork();
      });
    }
    this.ws.send(text);
  }

  /** A clean close (close frame, then FIN). */
  close(): void {
    if (!this.closed) this.ws.close();
  }

  /** Drops the connection as a network failure would: a TCP reset, no close frame, no TIME_WAIT left behind. */
  reset(): void {
    this.closed = true;
    this.tcp.resetAndDestroy();
  }
}

/**
 * Runs `task` over `items` with at most `limit` in flight; rejects on the first failure.
 */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
