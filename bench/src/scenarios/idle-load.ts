import { type BenchSocket, inBatches } from '../load/bench-socket.js';
import { connectVisitor } from '../load/parley-client.js';
import { connectRaw } from '../load/raw-client.js';
import { answeringPings, connectSio } from '../load/socketio-client.js';
import type { Target } from '../load/target.js';
import { BENCH_ROOM } from '../systems/parley-config.js';

/*
 * Idle connections, load side: opens visitors the way each system's client would (Parley: hello
 * and welcome, a visitor session; raw: hello and welcome, registered as one side of a pair;
 * Socket.IO: connected to the default namespace) and then leaves them alone, answering pings.
 */
export class IdleLoad {
  private sockets: BenchSocket[] = [];
  private closedEarly = 0;

  async connect(args: { target: Target; count: number; concurrency: number }): Promise<{ connected: number; seconds: number }> {
    const { target } = args;
    const started = performance.now();
    const opened = await inBatches(
      Array.from({ length: args.count }, (_, i) => i),
      args.concurrency,
      async (i) => {
        let socket: BenchSocket;
        if (target.dialect === 'parley') socket = (await connectVisitor(target, BENCH_ROOM)).socket;
        else if (target.dialect === 'raw') socket = await connectRaw(target.ws, `idle${this.sockets.length + i}`, 'a');
        else socket = (await connectSio(target.ws)).socket;
        socket.onText = target.dialect === 'socketio' ? answeringPings(socket, () => {}) : () => {};
        socket.onClose = () => this.closedEarly++;
        return socket;
      },
    );
    this.sockets.push(...opened);
    return { connected: this.sockets.length - this.closedEarly, seconds: (performance.now() - started) / 1000 };
  }

  /** Drops every connection (TCP reset: the server sees them go, no TIME_WAIT piles up here). */
  async closeAll(): Promise<{ closedEarly: number }> {
    for (const socket of this.sockets) {
      socket.onClose = () => {};
      socket.reset();
    }
    this.sockets = [];
    const closedEarly = this.closedEarly;
    this.closedEarly = 0;
    return { closedEarly };
  }
}
