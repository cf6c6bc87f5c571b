import { beforeAfter, fmt, label, limitSide, medianOf, runNotes, sig, spread, systemsIn, table } from '../report/summarize.js';
import { AGENT_CAPACITY, withSystem } from './run-system.js';
import { check, type Metrics, type Scenario } from './scenario.js';

const FULL = { agents: 1000, visitors: 10_000, levels: [1000, 5000, 20_000], samples: 200, fillConcurrency: 50, timeoutMs: 180_000 };
const SMOKE = { agents: 3, visitors: 30, levels: [10, 40], samples: 5, fillConcurrency: 5, timeoutMs: 20_000 };

type Summary = { count: number; p50: number; p99: number; max: number };
type BurstResult = {
  rate: number;
  serverCpuPerUnitUs: number;
  serverUtil: number;
  loadUtil: number;
  visitors: number;
  accepted: number;
  drained: boolean;
  drainMs: number;
  offers: number;
  lostRaces: number;
  otherErrors: number;
  firstError: string;
  offerLatency: Summary;
  answerLatency: Summary;
  firstOfferMs: number;
  serverCpuSeconds: number;
  agentFrames: number;
  agentBytes: number;
  visitorFrames: number;
  visitorBytes: number;
  positionFrames: number;
  agentQueueFrames: number;
};
type Level = { level: number; queued: number; fillPerArrival: { serverCpuPerUnitUs: number }; arrival: Summary; freedPerDecision: Summary };

/**
 * 3. Routing (Parley only; the baselines do not route). 1,000 agents ready, each able to hold 10
 * chats; 10,000 connected visitors send `start` at once; agents accept every offer. Then the cost
 * of one decision at several queue lengths, with every agent full so the queue only grows.
 */
export const routingScenario: Scenario = {
  name: 'routing',
  title: 'Routing: 1,000 agents, 10,000 visitors at once',
  systems: ['parley-uws', 'parley-ws'],

  async run(context, system) {
    const p = context.smoke ? SMOKE : FULL;
    return withSystem(context, system, 'routing', {}, async ({ server, load, target }) => {
      await load.call('setup', { target, agents: p.agents, visitors: p.visitors }, 600_000);
      const burst = await load.call<BurstResult>('burst', { serverPid: server.pid, timeoutMs: p.timeoutMs }, p.timeoutMs + 30_000);
      const cost = await load.call<{ levels: Level[] }>(
        'decisionCost',
        { target, levels: p.levels, samples: p.samples, capacity: AGENT_CAPACITY, fillConcurrency: p.fillConcurrency, serverPid: server.pid },
        600_000,
      );
      await load.call('close', {});
      const notes: string[] = [];
      if (!burst.drained) notes.push(`queue not drained: ${burst.accepted} of ${burst.visitors} accepted`);
      if (burst.otherErrors) notes.push(`${burst.otherErrors} unexpected errors (${burst.firstError})`);
      const metrics: Metrics = {
        offerP50: burst.offerLatency.p50,
        offerP99: burst.offerLatency.p99,
        offered: burst.offerLatency.count,
        firstOfferMs: burst.firstOfferMs,
        framesPerVisitor: (burst.agentFrames + burst.visitorFrames) / burst.visitors,
        kbPerVisitor: (burst.agentBytes + burst.visitorBytes) / burst.visitors / 1024,
        positionFrames: burst.positionFrames,
        agentQueueFrames: burst.agentQueueFrames,
        agentMB: burst.agentBytes / 2 ** 20,
        answerP50: burst.answerLatency.p50,
        answerP99: burst.answerLatency.p99,
        drainMs: burst.drainMs,
        accepted: burst.accepted,
        offers: burst.offers,
        lostRaces: burst.lostRaces,
        cpuPerVisitorUs: burst.serverCpuPerUnitUs,
        serverCpuSeconds: burst.serverCpuSeconds,
        serverUtil: burst.serverUtil,
        loadUtil: burst.loadUtil,
      };
      cost.levels.forEach((level, i) => {
        metrics[`level${i}`] = level.queued;
        metrics[`arrivalP50_${i}`] = level.arrival.p50;
        metrics[`arrivalP99_${i}`] = level.arrival.p99;
        metrics[`freedP50_${i}`] = level.freedPerDecision.p50;
        metrics[`freedP99_${i}`] = level.freedPerDecision.p99;
        metrics[`fillCpuUs_${i}`] = level.fillPerArrival.serverCpuPerUnitUs;
      });
      return { metrics, notes };
    });
  },

  report(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const burstRows = systemsIn(runs).map((system) => [
      label(system),
      sig(medianOf(runs, system, 'firstOfferMs')),
      `${sig(medianOf(runs, system, 'answerP50'))} / ${sig(medianOf(runs, system, 'answerP99'))}`,
      `${sig(medianOf(runs, system, 'offerP50'))} / ${sig(medianOf(runs, system, 'offerP99'))}`,
      sig(medianOf(runs, system, 'drainMs') / 1000),
      fmt(medianOf(runs, system, 'offers')),
      fmt(medianOf(runs, system, 'lostRaces')),
      sig(medianOf(runs, system, 'cpuPerVisitorUs')),
      `${sig(medianOf(runs, system, 'framesPerVisitor'))} / ${sig(medianOf(runs, system, 'kbPerVisitor'))} KB`,
      limitSide(medianOf(runs, system, 'serverUtil'), medianOf(runs, system, 'loadUtil')),
      spread(runs, system, 'drainMs', (v) => sig(v / 1000)),
    ]);
    const levelRows: string[][] = [];
    for (const system of systemsIn(runs)) {
      p.levels.forEach((_, i) => {
        levelRows.push([
          label(system),
          fmt(medianOf(runs, system, `level${i}`)),
          `${sig(medianOf(runs, system, `arrivalP50_${i}`))} / ${sig(medianOf(runs, system, `arrivalP99_${i}`))}`,
          sig(medianOf(runs, system, `fillCpuUs_${i}`)),
          `${sig(medianOf(runs, system, `freedP50_${i}`))} / ${sig(medianOf(runs, system, `freedP99_${i}`))}`,
        ]);
      });
    }
    return [
      `${fmt(p.agents)} agents ready (each may hold ${AGENT_CAPACITY} chats), ${fmt(p.visitors)} visitors connected; all visitors send \`start\` in the same turn of the load generator's event loop and agents accept every offer at once (quickest reply: the first accept wins, the others get ALREADY_TAKEN). *Answer*: a visitor's \`start\` until its \`conversation\` frame (stored and queued). *Offer*: until the first offer of their conversation reaches an agent; all but the first ten visitors wait in the queue for a free slot (offers count against capacity), so this is mostly queueing. *Drain*: until every conversation has been accepted. Frames and data: everything the server sent to agents and visitors during the burst (offers, withdrawals, conversation and status frames, queue places, the agents' queue lists), per routed visitor.`,
      '',
      table(
        [
          'System',
          'First offer after ms',
          'Start → answer p50 / p99 ms',
          'Start → offer p50 / p99 ms',
          'Queue drained after s',
          'Offers sent',
          'Accepts that lost the race',
          'Server CPU µs per routed visitor',
          'Frames / data sent per routed visitor',
          'Limit',
          'Runs (drain s)',
        ],
        burstRows,
      ),
      '',
      `Cost of one routing decision as the queue grows (every agent full, so the queue only grows; ${p.samples} samples per length, one at a time). *Arrival*: a new visitor's \`start\` until its answer (stored, queued, routed: nobody free). *Fill CPU*: server CPU per queued visitor while filling up to that length (connection, hello, start and drop included). *Agent frees up*: a probe agent goes ready and is offered the ${AGENT_CAPACITY} oldest unoffered chats (one pick each; time per decision), then goes on break (offers withdrawn and put back).`,
      '',
      table(['System', 'Queue length', 'Arrival p50 / p99 ms', 'Fill CPU µs per arrival', 'Agent frees up: ms per decision p50 / p99'], levelRows),
      beforeAfter(runs, [
        { key: 'drainMs', name: 'drain ms', format: sig },
        { key: 'cpuPerVisitorUs', name: 'CPU µs per routed visitor', format: sig },
        { key: `arrivalP50_${p.levels.length - 1}`, name: 'arrival p50 ms at the longest queue', format: sig },
      ]),
      runNotes(runs),
    ].join('\n');
  },

  targets(runs, smoke) {
    const p = smoke ? SMOKE : FULL;
    const last = p.levels.length - 1;
    const worstP99 = Math.max(...p.levels.flatMap((_, i) => [medianOf(runs, 'parley-uws', `arrivalP99_${i}`), medianOf(runs, 'parley-uws', `freedP99_${i}`)]));
    const growth = (key: string) => medianOf(runs, 'parley-uws', `${key}_${last}`) / medianOf(runs, 'parley-uws', `${key}_0`);
    const logRatio = Math.log(p.levels[last]!) / Math.log(p.levels[0]!);
    const worstGrowth = Math.max(growth('arrivalP50'), growth('freedP50'));
    return [
      check(
        'p99 under 5 ms per routing decision (arrival and agent-frees-up, every queue length, network round trip included)',
        `${sig(worstP99)} ms at worst`,
        worstP99,
        (v) => v < 5,
      ),
      check(
        `cost per decision grows no faster than log(queue length) (${fmt(p.levels[0]!)} → ${fmt(p.levels[last]!)}: log ratio ${logRatio.toFixed(2)})`,
        `p50 grew ${growth('arrivalP50').toFixed(2)}× (arrival), ${growth('freedP50').toFixed(2)}× (agent frees up); fill CPU ${growth('fillCpuUs').toFixed(2)}×`,
        worstGrowth,
        (v) => v <= logRatio,
      ),
    ];
  },
};
