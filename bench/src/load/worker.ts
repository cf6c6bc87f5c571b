import { IdleLoad } from '../scenarios/idle-load.js';
import { RelayLoad } from '../scenarios/relay-load.js';
import { RoutingLoad } from '../scenarios/routing-load.js';
import { StatsLoad } from '../scenarios/stats-load.js';
import { StormLoad } from '../scenarios/storm-load.js';

/*
 * The load generator process. The parent (load-process.ts) sends `{ id, method, args }` over IPC:
 * `create` picks the scenario's driver, every other method runs on it, and the answer goes back
 * with the same id. One driver per process: a process per run keeps runs from sharing memory.
 */

type Driver = Record<string, (args: unknown) => Promise<unknown>>;

const DRIVERS: Record<string, () => object> = {
  relay: () => new RelayLoad(),
  idle: () => new IdleLoad(),
  routing: () => new RoutingLoad(),
  stats: () => new StatsLoad(),
  storm: () => new StormLoad(),
  // The cluster's sections run the same loads against nodes on Redis.
  'cluster-relay': () => new RelayLoad(),
  'cluster-routing': () => new RoutingLoad(),
};

function serve(): void {
  let driver: Driver | null = null;
  process.on('message', async (request: { id: number; method: string; args: unknown }) => {
    try {
      let result: unknown = null;
      if (request.method === 'create') {
        const { scenario } = request.args as { scenario: string };
        const make = DRIVERS[scenario];
        if (!make) throw new Error(`no scenario named ${scenario}`);
        driver = make() as Driver;
      } else {
        const method = driver?.[request.method];
        if (!driver || typeof method !== 'function') throw new Error(`no step named ${request.method}`);
        result = await method.call(driver, request.args);
      }
      process.send!({ id: request.id, result });
    } catch (error) {
      process.send!({ id: request.id, error: (error as Error).stack ?? String(error) });
    }
  });
  // The parent went away: nothing left to do.
  process.on('disconnect', () => process.exit(0));
}

serve();
