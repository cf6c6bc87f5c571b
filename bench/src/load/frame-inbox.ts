import type { BenchSocket } from './bench-socket.js';

type Frame = { type: string; [key: string]: any };
type Waiter = { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/** Frames kept for a later `next` before the oldest are dropped (setup phases only read a few). */
const KEPT = 500;

/**
 * The parsing side of a socket while a scenario sets up: every frame is JSON-parsed, and `next`
 * resolves with the first frame (already received or still to come) that matches.
 */
export class FrameInbox {
  private readonly kept: Frame[] = [];
  private waiters: Waiter[] = [];
  /** Called for every frame after waiters have had their pick (e.g. answer offers). */
  onFrame: (frame: Frame) => void = () => {};

  constructor(
    readonly socket: BenchSocket,
    parse: (text: string) => Frame | null = (text) => JSON.parse(text) as Frame,
  ) {
    socket.onText = (text) => {
      const frame = parse(text);
      if (frame) this.push(frame);
    };
    socket.onClose = (code) => {
      for (const waiter of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`socket closed (${code}) while waiting`));
      }
      this.waiters = [];
    };
  }

  private push(frame: Frame): void {
    const index = this.waiters.findIndex((waiter) => waiter.match(frame));
    if (index >= 0) {
      const [waiter] = this.waiters.splice(index, 1);
      clearTimeout(waiter!.timer);
      waiter!.resolve(frame);
    } else {
      this.kept.push(frame);
      if (this.kept.length > KEPT) this.kept.shift();
    }
    this.onFrame(frame);
  }

  next(type: string, where: (frame: Frame) => boolean = () => true, timeoutMs = 60_000): Promise<Frame> {
    const match = (frame: Frame) => frame.type === type && where(frame);
    const index = this.kept.findIndex(match);
    if (index >= 0) return Promise.resolve(this.kept.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.timer !== timer);
        reject(new Error(`no ${type} frame within ${timeoutMs} ms (last frames: ${JSON.stringify(this.kept.slice(-3)).slice(0, 600)})`));
      }, timeoutMs);
      this.waiters.push({ match, resolve, reject, timer });
    });
  }

  /** Hands over (and forgets) what was received and not asked for yet. */
  takeAll(): Frame[] {
    return this.kept.splice(0);
  }
}
