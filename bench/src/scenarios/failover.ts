import { connectAgent, connectVisitor, type ParleyAgent, startConversation } from '../load/parley-client.js';
import { label, medianOf, runNotes, sig, spread, systemsIn, table } from '../report/summarize.js';
import type { RunningCluster } from '../systems/launch-cluster.js';
import { BENCH_ROOM } from '../systems/parley-config.js';
import { withSystem } from './run-system.js';
import { check, type Scenario } from './scenario.js';

const TIMEOUT_MS = 30_000;
const RETRY_MS = 50;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries `attempt` every RETRY_MS until it succeeds (a node may refuse while routing moves). */
async function persist<T>(attempt: () => Promise<T>, deadline: number): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(RETRY_MS);
    }
  }
}

/**
 * Failover: three nodes on Redis; an agent ready on one node, the routing owner on another. The
 * owner is killed with SIGKILL; from that moment, a visitor on the third node tries to start a
 * chat every 50 ms (reconnecting when refused, as the widget does), and the agent reconnects when
 * its node closes its socket. Measured: kill until the agent receives the offer.
 */
export const failoverScenario: Scenario = {
  name: 'failover',
  title: 'Failover: kill -9 of the routing node until the next offer',
  systems: ['parley-cluster'],

  async run(context, system) {
    return withSystem(context, system, 'relay', {}, async ({ server, target }) => {
      const cluster = server as RunningCluster;
      let agent: ParleyAgent = await connectAgent(target, 0);
      await persist(() => connectVisitor(target, BENCH_ROOM), Date.now() + TIMEOUT_MS);
      const killedAt = performance.now();
      process.kill(cluster.owner.pid, 'SIGKILL');
      const deadline = Date.now() + TIMEOUT_MS;
      let offeredAt = Number.NaN;
      let attempts = 0;
      while (Number.isNaN(offeredAt)) {
        if (Date.now() > deadline) throw new Error(`no offer within ${TIMEOUT_MS} ms of the kill (${attempts} attempts)`);
        attempts++;
        // The agent's node closes its socket when routing moves: it comes back, ready, like the console.
        if (agent.socket.closed) agent = await persist(() => connectAgent(target, 0), deadline);
        try {
          const visitor = await connectVisitor(target, BENCH_ROOM);
          const conversationId = await startConversation(visitor, 'After the failover');
          await agent.inbox.next('offer', (f) => f.offer.conversationId === conversationId, 5_000);
          offeredAt = performance.now();
        } catch {
          await pause(RETRY_MS);
        }
      }
      return { metrics: { failoverMs: offeredAt - killedAt, attempts }, notes: [] };
    });
  },

  report(runs) {
    const rows = systemsIn(runs).map((system) => [label(system), sig(medianOf(runs, system, 'failoverMs')), spread(runs, system, 'failoverMs')]);
    return [
      `Three nodes on Redis (routing lease ${2000} ms, renewed every ${500} ms); an agent ready on one node, the routing owner on another. The owner is killed with SIGKILL; from then on a visitor on the third node tries to start a chat every ${RETRY_MS} ms (reconnecting when refused), and the agent reconnects when its node closes its socket as routing moves. Measured: the kill until the agent receives the offer of a new chat.`,
      '',
      table(['System', 'Kill → next offer ms', 'Runs (ms)'], rows),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs) {
    const ms = medianOf(runs, 'parley-cluster', 'failoverMs');
    return [check('failover: kill -9 of the routing owner to the next offer < 5 s', `${sig(ms / 1000)} s`, ms, (v) => v < 5_000)];
  },
};
