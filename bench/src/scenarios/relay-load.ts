import type { BenchSocket } from '../load/bench-socket.js';
import { inBatches } from '../load/bench-socket.js';
import { perUnit, startWindow } from '../load/measure.js';
import { connectAgent, connectVisitor, parleyMessage, startConversation } from '../load/parley-client.js';
import { connectRaw } from '../load/raw-client.js';
import { Samples, sleep, until } from '../load/samples.js';
import { answeringPings, connectSio } from '../load/socketio-client.js';
import { parleyAgents, type Target } from '../load/target.js';

/*
 * Relay, load side: N visitor/agent pairs in conversations, messages both ways. Each message's
 * text carries its number in its direction and the time it was sent, so the receiving end checks
 * order and loss and measures send-to-delivery time without parsing the frame.
 */

const FILLER = 'Hello, I have a question about my order and its delivery date.';
const MARK = '"text":"m';

/** One side of a pair: sends its numbered messages, and checks the ones it receives. */
class End {
  sent = 0;
  /** Sent and not yet delivered to the peer. */
  outstanding = 0;
  /** Number expected next from the peer. */
  expected = 0;
  peer!: End;

  constructor(
    readonly socket: BenchSocket,
    /** The dialect's frame around a message text. */
    private readonly frame: (n: number, text: string) => string,
  ) {}

  sendNext(): void {
    const n = this.sent++;
    this.outstanding++;
    this.socket.send(this.frame(n, `m${n}.${Math.round(performance.now() * 1000)} ${FILLER}`));
  }
}

type RelayCounters = { delivered: number; acks: number; errors: number; outOfOrder: number; firstError: string };

export class RelayLoad {
  private ends: End[] = [];
  private readonly latencies = new Samples();
  private recording = false;
  private counters: RelayCounters = { delivered: 0, acks: 0, errors: 0, outOfOrder: 0, firstError: '' };
  /** Called when a message from `end` reached its peer (closed loop sends the next one). */
  private onDelivered: (end: End) => void = () => {};

  async setup(args: { target: Target; pairs: number }): Promise<{ pairs: number }> {
    const { target, pairs } = args;
    const created = await inBatches(
      Array.from({ length: pairs }, (_, i) => i),
      20,
      (i) => this.connectPair(target, i),
    );
    for (const [a, b] of created) {
      a.peer = b;
      b.peer = a;
      this.listen(a, target);
      this.listen(b, target);
      this.ends.push(a, b);
    }
    return { pairs: created.length };
  }

  private async connectPair(target: Target, i: number): Promise<[End, End]> {
    switch (target.dialect) {
      case 'parley': {
        const agent = await connectAgent(target, i);
        const visitor = await connectVisitor(target, parleyAgents(target).privateRooms[i]!);
        const conversationId = await startConversation(visitor, `Visitor ${i}`);
        await agent.inbox.next('offer', (f) => f.offer.conversationId === conversationId);
        agent.socket.send(JSON.stringify({ type: 'accept', conversationId }));
        await agent.inbox.next('conversation', (f) => f.conversation.id === conversationId && f.conversation.status === 'active');
        await visitor.inbox.next('conversation', (f) => f.conversation.status === 'active');
        return [
          new End(visitor.socket, (n, text) => parleyMessage(conversationId, `v${n}`, text)),
          new End(agent.socket, (n, text) => parleyMessage(conversationId, `a${n}`, text)),
        ];
      }
      case 'raw': {
        const pair = `p${i}`;
        const [a, b] = await Promise.all([connectRaw(target.ws, pair, 'a'), connectRaw(target.ws, pair, 'b')]);
        const frame = (side: string) => (n: number, text: string) => `{"type":"message","conversationId":"${pair}","clientId":"${side}${n}","text":"${text}"}`;
        return [new End(a, frame('v')), new End(b, frame('a'))];
      }
      case 'socketio': {
        const room = `p${i}`;
        const sessions = await Promise.all([connectSio(target.ws), connectSio(target.ws)]);
        // Joins are acknowledged, so no message goes out before both sides are in the room.
        await Promise.all(
          sessions.map(
            ({ socket }) =>
              new Promise<void>((resolve) => {
                socket.onText = (text) => text.startsWith('431') && resolve();
                socket.send(`421${JSON.stringify(['join', room])}`);
              }),
          ),
        );
        const frame = (side: string) => (n: number, text: string) =>
          `42["msg","${room}",{"type":"message","conversationId":"${room}","clientId":"${side}${n}","text":"${text}"}]`;
        return [new End(sessions[0]!.socket, frame('v')), new End(sessions[1]!.socket, frame('a'))];
      }
    }
  }

  /** The lean receive path used while measuring. */
  private listen(end: End, target: Target): void {
    const counters = () => this.counters;
    const handler = (text: string) => {
      const at = text.indexOf(MARK);
      if (at < 0) {
        if (text.startsWith('{"type":"ack"')) counters().acks++;
        else if (text.startsWith('{"type":"error"') || text.startsWith('44')) {
          counters().errors++;
          counters().firstError ||= text.slice(0, 300);
        }
        return;
      }
      const dot = text.indexOf('.', at);
      const space = text.indexOf(' ', dot);
      const n = Number(text.slice(at + MARK.length, dot));
      const sentAt = Number(text.slice(dot + 1, space)) / 1000;
      const from = end.peer;
      if (n !== end.expected) counters().outOfOrder++;
      end.expected = n + 1;
      from.outstanding--;
      if (this.recording) {
        counters().delivered++;
        this.latencies.add(performance.now() - sentAt);
      }
      this.onDelivered(from);
    };
    end.socket.onText = target.dialect === 'socketio' ? answeringPings(end.socket, handler) : handler;
    end.socket.onClose = (code) => {
      counters().errors++;
      counters().firstError ||= `a socket closed with ${code}`;
    };
  }

  private reset(): void {
    this.counters = { delivered: 0, acks: 0, errors: 0, outOfOrder: 0, firstError: '' };
    this.latencies.clear();
  }

  private async window(warmupMs: number, measureMs: number, serverPid: number | number[]) {
    await sleep(warmupMs);
    this.reset();
    this.recording = true;
    const stop = startWindow(serverPid);
    await sleep(measureMs);
    this.recording = false;
    const cpu = stop();
    return { cpu, delivered: this.counters.delivered, latency: this.latencies.summary() };
  }

  /** Waits for every message in flight to arrive, then checks nothing was lost or reordered. */
  private async drain(): Promise<{ lost: number }> {
    const outstanding = () => this.ends.reduce((sum, end) => sum + end.outstanding, 0);
    try {
      await until(() => outstanding() === 0, 20_000, 'the messages in flight to arrive');
    } catch {
      // Reported as lost below.
    }
    return { lost: outstanding() };
  }

  /** Closed loop: each side keeps `inFlight` messages on their way; measures delivered messages per second. */
  async closedLoop(args: { inFlight: number; warmupMs: number; measureMs: number; serverPid: number | number[] }) {
    let running = true;
    this.onDelivered = (end) => {
      if (running) end.sendNext();
    };
    for (const end of this.ends) for (let i = 0; i < args.inFlight; i++) end.sendNext();
    const { cpu, delivered, latency } = await this.window(args.warmupMs, args.measureMs, args.serverPid);
    running = false;
    const { lost } = await this.drain();
    return { ...perUnit(cpu, delivered), delivered, latency, lost, ...this.checks() };
  }

  /** Open loop at `rate` messages per second in total, spread over every side in turn. */
  async fixedRate(args: { rate: number; warmupMs: number; measureMs: number; serverPid: number | number[] }) {
    this.onDelivered = () => {};
    const started = performance.now();
    let sent = 0;
    let behind = 0;
    const pace = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * args.rate);
      // Never more than a second's worth queued up: past that the system is not keeping up.
      if (due - sent > args.rate) behind++;
      for (; sent < due; sent++) this.ends[sent % this.ends.length]!.sendNext();
    }, 1);
    const { cpu, delivered, latency } = await this.window(args.warmupMs, args.measureMs, args.serverPid);
    clearInterval(pace);
    const { lost } = await this.drain();
    return { ...perUnit(cpu, delivered), delivered, latency, lost, behind, ...this.checks() };
  }

  private checks() {
    const { acks, errors, outOfOrder, firstError } = this.counters;
    return { acks, errors, outOfOrder, firstError };
  }

  async close(): Promise<null> {
    for (const end of this.ends) {
      end.socket.onClose = () => {};
      end.socket.reset();
    }
    this.ends = [];
    return null;
  }
}
