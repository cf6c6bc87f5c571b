import { type BenchSocket, inBatches } from '../load/bench-socket.js';
import { Countdown } from '../load/countdown.js';
import { perUnit, startWindow } from '../load/measure.js';
import { connectAgent, connectVisitor, type ParleyAgent, parleyMessage, startConversation } from '../load/parley-client.js';
import { connectRaw } from '../load/raw-client.js';
import { Samples } from '../load/samples.js';
import { answeringPings, connectSio } from '../load/socketio-client.js';
import { parleyAgents, type Target } from '../load/target.js';

/*
 * Reconnect storm, load side. Visitors in conversations drop at once (TCP reset, as when a
 * network goes away), their agents each send a message meanwhile, then every visitor reconnects
 * (a few hundred handshakes in flight at a time) and resumes: Parley with hello (same token) and sync from the last seq it saw; Socket.IO
 * with its connection state recovery (pid and offset). A visitor has resumed when it holds every
 * message up to the conversation's last one, the one sent while it was away included; "lost"
 * counts visitors that never do. The raw baseline has no store: its visitors reconnect and say
 * hello, and that is all it can do (the floor for 5,000 connections and one round trip).
 */

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

type Visitor = {
  index: number;
  socket: BenchSocket | null;
  /** Parley: room, token and conversation; Socket.IO: session id and last offset. */
  room: string;
  token: string;
  conversationId: string;
  pid: string;
  offset: string | null;
  /** Sequence numbers held (Parley). */
  seen: Set<number>;
  awayText: string;
  gotAway: boolean;
  resumedAt: number;
};

export class StormLoad {
  private visitors: Visitor[] = [];
  private agentSockets: BenchSocket[] = [];
  /** Sends the "while you were away" message for visitor i (Parley: resolves on its ack). */
  private sendAway: (visitor: Visitor) => Promise<void> = async () => {};

  async setup(args: { target: Target; agents: number; visitors: number }): Promise<{ visitors: number; seconds: number }> {
    const started = performance.now();
    const { target } = args;
    if (target.dialect === 'parley') await this.setupParley(target, args.agents, args.visitors);
    else if (target.dialect === 'socketio') await this.setupSocketIo(target, args.agents, args.visitors);
    else await this.setupRaw(target, args.visitors);
    return { visitors: this.visitors.length, seconds: (performance.now() - started) / 1000 };
  }

  private blank(index: number): Visitor {
    return {
      index,
      socket: null,
      room: '',
      token: '',
      conversationId: '',
      pid: '',
      offset: null,
      seen: new Set(),
      awayText: `away${index}`,
      gotAway: false,
      resumedAt: NaN,
    };
  }

  private async setupParley(target: Target, agentCount: number, visitorCount: number): Promise<void> {
    const agents: ParleyAgent[] = await inBatches(range(agentCount), 25, (i) => connectAgent(target, i));
    const acks = new Map<string, () => void>();
    for (const agent of agents) {
      // Accept every offer; hear acks of the messages sent while visitors are away.
      agent.inbox.onFrame = (frame) => {
        if (frame.type === 'offer') agent.socket.send(JSON.stringify({ type: 'accept', conversationId: frame.offer.conversationId }));
        if (frame.type === 'ack') acks.get(frame.clientId as string)?.();
      };
      this.agentSockets.push(agent.socket);
    }
    const rooms = parleyAgents(target).privateRooms;
    this.visitors = await inBatches(range(visitorCount), 100, async (i) => {
      const visitor = this.blank(i);
      visitor.room = rooms[i % agentCount]!;
      const connected = await connectVisitor(target, visitor.room);
      visitor.socket = connected.socket;
      visitor.token = connected.token;
      visitor.conversationId = await startConversation(connected, `Visitor ${i}`);
      await connected.inbox.next('conversation', (f) => f.conversation.status === 'active');
      // One message each way before the drop: the visitor's (acknowledged) and the agent's.
      connected.socket.send(parleyMessage(visitor.conversationId, `hello${i}`, `Hello from visitor ${i}`));
      const ack = await connected.inbox.next('ack');
      visitor.seen.add(ack.seq as number);
      const agent = agents[i % agentCount]!;
      agent.socket.send(parleyMessage(visitor.conversationId, `reply${i}`, `Hello visitor ${i}, how can I help?`));
      const reply = await connected.inbox.next('message', (f) => f.message.clientId === `reply${i}`);
      for (let seq = 1; seq <= (reply.message.seq as number); seq++) visitor.seen.add(seq);
      return visitor;
    });
    this.sendAway = (visitor) =>
      new Promise<void>((resolve) => {
        acks.set(visitor.awayText, resolve);
        agents[visitor.index % agentCount]!.socket.send(
          parleyMessage(visitor.conversationId, visitor.awayText, `${visitor.awayText} sent while you were offline`),
        );
      });
  }

  private async setupSocketIo(target: Target, agentCount: number, visitorCount: number): Promise<void> {
    const join = (socket: BenchSocket, rooms: string[]) =>
      new Promise<void>((resolve) => {
        let pending = rooms.length;
        socket.onText = answeringPings(socket, (text) => {
          if (text.startsWith('43') && --pending === 0) resolve();
        });
        rooms.forEach((room, k) => {
          socket.send(`42${k}${JSON.stringify(['join', room])}`);
        });
      });
    const agents = await inBatches(range(agentCount), 25, async (a) => {
      const { socket } = await connectSio(target.ws);
      await join(
        socket,
        range(Math.ceil(visitorCount / agentCount))
          .map((k) => `p${a + k * agentCount}`)
          .filter((room) => Number(room.slice(1)) < visitorCount),
      );
      socket.onText = answeringPings(socket, () => {});
      return socket;
    });
    this.agentSockets = agents;
    this.visitors = await inBatches(range(visitorCount), 100, async (i) => {
      const visitor = this.blank(i);
      visitor.room = `p${i}`;
      const session = await connectSio(target.ws);
      visitor.socket = session.socket;
      visitor.pid = session.pid ?? '';
      await join(session.socket, [visitor.room]);
      // One message from the agent before the drop, so the visitor holds an offset to resume from.
      const received = new Promise<void>((resolve) => {
        session.socket.onText = answeringPings(session.socket, (text) => {
          if (!text.startsWith('42["msg"')) return;
          const packet = JSON.parse(text.slice(2)) as unknown[];
          visitor.offset = typeof packet[packet.length - 1] === 'string' ? (packet[packet.length - 1] as string) : null;
          resolve();
        });
      });
      agents[i % agentCount]!.send(`42${JSON.stringify(['msg', visitor.room, { text: `Hello visitor ${i}` }])}`);
      await received;
      return visitor;
    });
    this.sendAway = async (visitor) => {
      agents[visitor.index % agentCount]!.send(`42${JSON.stringify(['msg', visitor.room, { text: visitor.awayText }])}`);
    };
  }

  private async setupRaw(target: Target, visitorCount: number): Promise<void> {
    this.visitors = await inBatches(range(visitorCount), 100, async (i) => {
      const visitor = this.blank(i);
      visitor.room = `s${i}`;
      const [a, b] = await Promise.all([connectRaw(target.ws, visitor.room, 'a'), connectRaw(target.ws, visitor.room, 'b')]);
      visitor.socket = a;
      this.agentSockets.push(b);
      return visitor;
    });
  }

  /** Drop, send while away, reconnect everyone at once; measures until every visitor has resumed. */
  async storm(args: { target: Target; serverPid: number; timeoutMs: number; concurrency: number }) {
    const { target } = args;
    for (const visitor of this.visitors) {
      visitor.socket!.onClose = () => {};
      visitor.socket!.reset();
      visitor.socket = null;
    }
    // Stored (Parley: acknowledged) before anyone comes back; the raw baseline cannot keep it.
    if (target.dialect !== 'raw') await Promise.all(this.visitors.map((visitor) => this.sendAway(visitor)));

    const resumed = new Countdown();
    let failed = 0;
    let firstFailure = '';
    const stop = startWindow(args.serverPid);
    const t0 = performance.now();
    const done = (visitor: Visitor) => {
      if (!Number.isNaN(visitor.resumedAt)) return;
      visitor.resumedAt = performance.now();
      resumed.hit();
    };
    const resume = async (visitor: Visitor) => {
      try {
        if (target.dialect === 'parley') await this.resumeParley(target, visitor, done);
        else if (target.dialect === 'socketio') await this.resumeSocketIo(target, visitor, done);
        else {
          visitor.socket = await connectRaw(target.ws, visitor.room, 'a');
          done(visitor);
        }
      } catch (error) {
        failed++;
        firstFailure ||= (error as Error).message;
      }
    };
    // At most `concurrency` reconnects in flight: the servers' listen backlogs hold 511-512
    // pending connections, and beyond that the kernel drops SYNs and the client retries after a
    // second; measured so, every system "resumes in 1.1 s" and the figure says nothing of the server.
    const attempts = inBatches(this.visitors, args.concurrency, resume);
    let all = true;
    try {
      await resumed.reach(this.visitors.length, args.timeoutMs, 'every visitor to resume');
    } catch {
      all = false;
    }
    const cpu = stop();
    await attempts.catch(() => {});

    const times = new Samples();
    let lost = 0;
    for (const visitor of this.visitors) {
      if (Number.isNaN(visitor.resumedAt)) lost++;
      else times.add(visitor.resumedAt - t0);
      if (target.dialect !== 'raw' && !visitor.gotAway && !Number.isNaN(visitor.resumedAt)) lost++;
    }
    const resumeTimes = times.summary();
    return {
      ...perUnit(cpu, this.visitors.length),
      visitors: this.visitors.length,
      resumed: resumed.count,
      all,
      allResumedMs: all ? resumeTimes.max : NaN,
      resumeTimes,
      lost,
      failed,
      firstFailure,
      serverCpuSeconds: cpu.serverCpu,
    };
  }

  private async resumeParley(target: Target, visitor: Visitor, done: (visitor: Visitor) => void): Promise<void> {
    const connected = await connectVisitor(target, visitor.room, visitor.token);
    visitor.socket = connected.socket;
    const conversation = connected.welcome.conversation as { id: string; lastSeq: number } | null;
    if (conversation?.id !== visitor.conversationId) throw new Error('the visitor came back to a different conversation');
    const highest = () => Math.max(0, ...visitor.seen);
    const take = (message: { seq: number; clientId: string }) => {
      visitor.seen.add(message.seq);
      if (message.clientId === visitor.awayText) visitor.gotAway = true;
    };
    const handle = (frame: { type: string; [key: string]: any }) => {
      if (frame.type === 'history') {
        for (const message of frame.messages) take(message);
        if (frame.more) connected.socket.send(JSON.stringify({ type: 'sync', conversationId: visitor.conversationId, afterSeq: highest() }));
      } else if (frame.type === 'message') {
        take(frame.message);
      } else {
        return;
      }
      // Resumed once every seq up to the conversation's last one (as the welcome said) is held.
      for (let seq = 1; seq <= conversation.lastSeq; seq++) if (!visitor.seen.has(seq)) return;
      done(visitor);
    };
    connected.inbox.onFrame = handle;
    connected.inbox.takeAll().forEach(handle);
    connected.socket.send(JSON.stringify({ type: 'sync', conversationId: visitor.conversationId, afterSeq: highest() }));
  }

  private async resumeSocketIo(target: Target, visitor: Visitor, done: (visitor: Visitor) => void): Promise<void> {
    const session = await connectSio(target.ws, { pid: visitor.pid, offset: visitor.offset });
    visitor.socket = session.socket;
    if (!session.recovered) throw new Error('Socket.IO did not recover the session');
    session.socket.onText = answeringPings(session.socket, (text) => {
      if (text.includes(`"${visitor.awayText}"`)) {
        visitor.gotAway = true;
        done(visitor);
      }
    });
  }

  async close(): Promise<null> {
    for (const socket of [...this.agentSockets, ...this.visitors.map((v) => v.socket)]) {
      if (!socket) continue;
      socket.onClose = () => {};
      socket.reset();
    }
    this.visitors = [];
    this.agentSockets = [];
    return null;
  }
}
