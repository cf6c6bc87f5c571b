import { type BenchSocket, inBatches } from '../load/bench-socket.js';
import { HttpPoller, type PollResponse } from '../load/http-poller.js';
import { perUnit, startWindow } from '../load/measure.js';
import { connectAgent } from '../load/parley-client.js';
import { connectRaw } from '../load/raw-client.js';
import { Samples, sleep } from '../load/samples.js';
import { answeringPings, connectSio } from '../load/socketio-client.js';
import type { Target } from '../load/target.js';

/*
 * Statistics, load side: agents keep changing status (ready, break, ready…) at a fixed rate over
 * their WebSockets, which invalidates the served JSON, while pollers ask for the summary as fast as
 * answers come back. Every 50th answer is parsed and checked to add up.
 */

const READY = 'WAITING_NEW_CALL';
const BREAK = 'TAKING_BREAK';
const CHECK_EVERY = 50;

type StatusSender = (status: string) => void;

export class StatsLoad {
  private senders: StatusSender[] = [];
  private sockets: BenchSocket[] = [];

  async setup(args: { target: Target; agents: number }): Promise<{ agents: number }> {
    const { target } = args;
    this.senders = await inBatches(
      Array.from({ length: args.agents }, (_, i) => i),
      25,
      async (i): Promise<StatusSender> => {
        switch (target.dialect) {
          case 'parley': {
            const agent = await connectAgent(target, i, BREAK);
            agent.socket.onText = () => {};
            this.sockets.push(agent.socket);
            return (status) => agent.socket.send(`{"type":"status","status":"${status}"}`);
          }
          case 'raw': {
            const socket = await connectRaw(target.ws, `agent${i}`, 'a');
            this.sockets.push(socket);
            const send = (status: string) => socket.send(`{"type":"status","agent":"${i}","status":"${status}"}`);
            send(BREAK);
            return send;
          }
          case 'socketio': {
            const { socket } = await connectSio(target.ws);
            socket.onText = answeringPings(socket, () => {});
            this.sockets.push(socket);
            const send = (status: string) => socket.send(`42["status","${i}","${status}"]`);
            send(BREAK);
            return send;
          }
        }
      },
    );
    return { agents: this.senders.length };
  }

  async poll(args: { target: Target; path: string; pollers: number; changesPerSecond: number; warmupMs: number; measureMs: number; serverPid: number }) {
    const url = new URL(args.target.http);
    const latencies = new Samples();
    let recording = false;
    let requests = 0;
    let answered = 0;
    let bad = 0;
    let firstBad = '';
    let errors = 0;
    const agents = this.senders.length;
    const onResponse = (response: PollResponse) => {
      answered++;
      if (response.status !== 200) {
        bad++;
        firstBad ||= `${response.status} ${response.body.slice(0, 200)}`;
      } else if (answered % CHECK_EVERY === 0) {
        const problem = checkSummary(response.body, agents);
        if (problem) {
          bad++;
          firstBad ||= problem;
        }
      }
      if (recording) {
        requests++;
        latencies.add(response.latencyMs);
      }
    };
    const pollers = Array.from({ length: args.pollers }, () => new HttpPoller(url.hostname, Number(url.port), args.path, onResponse, () => errors++));

    let changes = 0;
    const states = this.senders.map(() => BREAK);
    const started = performance.now();
    const pace = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * args.changesPerSecond);
      for (; changes < due; changes++) {
        const i = changes % agents;
        states[i] = states[i] === READY ? BREAK : READY;
        this.senders[i]!(states[i]!);
      }
    }, 5);

    await Promise.all(pollers.map((poller) => poller.start()));
    await sleep(args.warmupMs);
    const changesBefore = changes;
    recording = true;
    const stop = startWindow(args.serverPid);
    await sleep(args.measureMs);
    recording = false;
    const cpu = stop();
    const changesInWindow = changes - changesBefore;
    clearInterval(pace);
    for (const poller of pollers) poller.stop();
    return { ...perUnit(cpu, requests), requests, changesPerSecond: changesInWindow / cpu.seconds, latency: latencies.summary(), bad, firstBad, errors };
  }

  async close(): Promise<null> {
    for (const socket of this.sockets) {
      socket.onClose = () => {};
      socket.reset();
    }
    this.sockets = [];
    this.senders = [];
    return null;
  }
}

/** Null when the summary has the statistics shape and its counts add up to the agents signed in. */
function checkSummary(body: string, agents: number): string | null {
  try {
    const summary = JSON.parse(body) as { result: string; totalAgentLogon: number; agStatSummary: { browserAgentStatus: Record<string, number> } };
    const counted = Object.values(summary.agStatSummary.browserAgentStatus).reduce((sum, n) => sum + n, 0);
    if (summary.result !== 'OK') return `result ${summary.result}`;
    if (summary.totalAgentLogon !== agents || counted !== agents) return `counts do not add up: ${body.slice(0, 200)}`;
    return null;
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
}
