import { WebSocket } from 'ws';

type Frame = { type: string; [key: string]: any };

/**
 * A protocol client for tests: records every frame, and `next` waits for the first frame (from
 * now on, or already received and not yet taken) that matches. Fails loudly with what it saw.
 */
export class TestClient {
  readonly frames: Frame[] = [];
  private readonly taken = new Set<Frame>();
  private waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  private constructor(readonly socket: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
      socket.once('error', reject);
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      const index = this.waiters.findIndex((w) => w.match(frame));
      if (index >= 0) {
        this.taken.add(frame);
        this.waiters.splice(index, 1)[0]!.resolve(frame);
      }
    });
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    const client = new TestClient(new WebSocket(url, { headers }));
    await client.opened;
    return client;
  }

  /** For refused upgrades: resolves with the HTTP status. */
  static async refusal(url: string, headers: Record<string, string> = {}): Promise<number> {
    const client = new TestClient(new WebSocket(url, { headers }));
    try {
      await client.opened;
    } catch (error) {
      return (error as { status?: number }).status ?? -1;
    }
    client.socket.close();
    return 101;
  }

  send(frame: object | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The oldest frame of this type (and matching `where`) not yet returned by `next`, waiting for it if needed. */
  next(type: string, where: (frame: Frame) => boolean = () => true, timeoutMs = 5000): Promise<Frame> {
    const match = (f: Frame) => f.type === type && !this.taken.has(f) && where(f);
    const seen = this.frames.find(match);
    if (seen) {
      this.taken.add(seen);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no ${type} frame within ${timeoutMs} ms; got: ${JSON.stringify(this.frames.slice(-8))}`));
      }, timeoutMs);
      const done = (frame: Frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** All frames of a type received so far. */
  all(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
  }

  close(): void {
    this.socket.close();
  }
}
