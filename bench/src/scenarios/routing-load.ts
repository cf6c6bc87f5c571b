import { inBatches } from '../load/bench-socket.js';
import { Countdown } from '../load/countdown.js';
import { perUnit, startWindow } from '../load/measure.js';
import { connectAgent, connectVisitor, type ParleyAgent, type ParleyVisitor, startConversation } from '../load/parley-client.js';
import { Samples } from '../load/samples.js';
import type { Target } from '../load/target.js';
import { BENCH_ROOM } from '../systems/parley-config.js';

/*
 * Routing, load side (Parley only: the baselines do not route). Agents accept every offer at once,
 * as a keen console user would; a visitor's conversation is routed when an agent's accept wins.
 */

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export class RoutingLoad {
  private agents: ParleyAgent[] = [];
  /** An agent kept on break during the burst, then made ready and unready to time single decisions. */
  private probe: ParleyAgent | null = null;
  private visitors: ParleyVisitor[] = [];

  async setup(args: { target: Target; agents: number; visitors: number }): Promise<{ agents: number; visitors: number; seconds: number }> {
    const started = performance.now();
    this.agents = await inBatches(range(args.agents), 25, (i) => connectAgent(args.target, i));
    this.probe = await connectAgent(args.target, args.agents, 'TAKING_BREAK');
    this.visitors = await inBatches(range(args.visitors), 100, () => connectVisitor(args.target, BENCH_ROOM));
    return { agents: this.agents.length, visitors: this.visitors.length, seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Every visitor sends `start` in the same turn of the event loop. Measures, per visitor, the
   * time until an agent receives the first offer of their conversation, and the time until every
   * conversation has been accepted (the queue drained).
   */
  async burst(args: { serverPid: number | number[]; timeoutMs: number }) {
    const n = this.visitors.length;
    const index = new Map(this.visitors.map((visitor, i) => [visitor.visitorId, i]));
    const startAt = new Float64Array(n);
    const offerAt = new Float64Array(n).fill(NaN);
    const activeAt = new Float64Array(n).fill(NaN);
    const answeredAt = new Float64Array(n).fill(NaN);
    const active = new Countdown();
    let offers = 0;
    // Everything the server sent during the burst, to see where its sending went.
    const received = { agentFrames: 0, agentBytes: 0, visitorFrames: 0, visitorBytes: 0, positionFrames: 0, agentQueueFrames: 0 };
    let lostRaces = 0;
    let otherErrors = 0;
    let firstError = '';

    for (const agent of this.agents) {
      agent.socket.onText = (text) => {
        received.agentFrames++;
        received.agentBytes += text.length;
        if (text.startsWith('{"type":"queue"')) received.agentQueueFrames++;
        if (text.startsWith('{"type":"offer"')) {
          const now = performance.now();
          const { offer } = JSON.parse(text) as { offer: { conversationId: string; visitor: { id: string } } };
          offers++;
          const i = index.get(offer.visitor.id);
          if (i !== undefined && Number.isNaN(offerAt[i]!)) offerAt[i] = now;
          agent.socket.send(`{"type":"accept","conversationId":"${offer.conversationId}"}`);
        } else if (text.startsWith('{"type":"error"')) {
          if (text.includes('ALREADY_TAKEN') || text.includes('NOT_OFFERED')) lostRaces++;
          else {
            otherErrors++;
            firstError ||= text.slice(0, 300);
          }
        }
      };
    }
    this.visitors.forEach((visitor, i) => {
      visitor.socket.onText = (text) => {
        received.visitorFrames++;
        received.visitorBytes += text.length;
        if (text.startsWith('{"type":"queue"')) received.positionFrames++;
        if (!text.startsWith('{"type":"conversation"')) return;
        if (Number.isNaN(answeredAt[i]!)) answeredAt[i] = performance.now();
        if (text.includes('"status":"active"') && Number.isNaN(activeAt[i]!)) {
          activeAt[i] = performance.now();
          active.hit();
        }
      };
    });

    const stop = startWindow(args.serverPid);
    const t0 = performance.now();
    this.visitors.forEach((visitor, i) => {
      startAt[i] = performance.now();
      visitor.socket.send(`{"type":"start","form":{"name":"Visitor ${i}"}}`);
    });
    let drained = true;
    try {
      await active.reach(n, args.timeoutMs, 'every conversation to be accepted');
    } catch {
      drained = false;
    }
    const cpu = stop();

    const offerLatency = new Samples();
    const answerLatency = new Samples();
    let drainMs = 0;
    let firstOfferMs = Infinity;
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(offerAt[i]!)) offerLatency.add(offerAt[i]! - startAt[i]!);
      if (!Number.isNaN(offerAt[i]!)) firstOfferMs = Math.min(firstOfferMs, offerAt[i]! - t0);
      if (!Number.isNaN(answeredAt[i]!)) answerLatency.add(answeredAt[i]! - startAt[i]!);
      if (!Number.isNaN(activeAt[i]!)) drainMs = Math.max(drainMs, activeAt[i]! - t0);
    }
    return {
      ...perUnit(cpu, n),
      visitors: n,
      accepted: active.count,
      drained,
      drainMs,
      offers,
      lostRaces,
      otherErrors,
      firstError,
      offerLatency: offerLatency.summary(),
      answerLatency: answerLatency.summary(),
      ...received,
      firstOfferMs,
      serverCpuSeconds: cpu.serverCpu,
    };
  }

  /**
   * Cost of one routing decision at several queue lengths. With every agent full, visitors are
   * added until the queue holds `level` conversations (they then drop their connection; their
   * conversations keep waiting). At each level: the time from `start` to its answer for a new
   * visitor (enqueue and route), and the time for the probe agent, going ready, to receive offers
   * for the `capacity` oldest unoffered conversations (one pick each), then going on break.
   */
  async decisionCost(args: { target: Target; levels: number[]; samples: number; capacity: number; fillConcurrency: number; serverPid: number | number[] }) {
    const probe = this.probe!;
    const offered = new Countdown();
    const withdrawn = new Countdown();
    // The last other frames the probe got, to say why when offers do not come.
    const otherFrames: string[] = [];
    probe.socket.onText = (text) => {
      if (text.startsWith('{"type":"offer"')) offered.hit();
      else if (text.startsWith('{"type":"offerWithdrawn"')) withdrawn.hit();
      else if (otherFrames.push(text.slice(0, 200)) > 5) otherFrames.shift();
    };
    const explained = (error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : error}; the probe's last other frames: ${otherFrames.join(' | ') || 'none'}`);
    };
    const addQueued = async () => {
      const visitor = await connectVisitor(args.target, BENCH_ROOM);
      await startConversation(visitor, 'Queued visitor');
      visitor.socket.reset();
    };

    let queued = 0;
    const levels = [];
    for (const level of args.levels) {
      const adding = Math.max(0, level - queued);
      const stop = startWindow(args.serverPid);
      await inBatches(range(adding), args.fillConcurrency, addQueued);
      const fill = stop();
      queued += adding;

      const arrival = new Samples();
      for (let s = 0; s < args.samples; s++) {
        const visitor = await connectVisitor(args.target, BENCH_ROOM);
        const t = performance.now();
        await startConversation(visitor, 'Measured visitor');
        arrival.add(performance.now() - t);
        visitor.socket.reset();
        queued++;
      }

      const freed = new Samples();
      for (let s = 0; s < args.samples; s++) {
        const t = performance.now();
        probe.socket.send('{"type":"status","status":"WAITING_NEW_CALL"}');
        await offered.reach(offered.count + args.capacity, 30_000, 'offers to the probe agent').catch(explained);
        freed.add((performance.now() - t) / args.capacity);
        probe.socket.send('{"type":"status","status":"TAKING_BREAK"}');
        await withdrawn.reach(withdrawn.count + args.capacity, 30_000, 'withdrawals from the probe agent').catch(explained);
      }
      levels.push({
        level,
        queued,
        fillPerArrival: perUnit(fill, adding),
        arrival: arrival.summary(),
        freedPerDecision: freed.summary(),
      });
    }
    return { levels };
  }

  async close(): Promise<null> {
    for (const party of [...this.agents, ...this.visitors, ...(this.probe ? [this.probe] : [])]) {
      party.socket.onClose = () => {};
      party.socket.reset();
    }
    this.agents = [];
    this.visitors = [];
    this.probe = null;
    return null;
  }
}
