import type { StatsSummary } from '@parley/shared';
import type { Directory } from './config/directory.js';
import { type Metrics, setCounterTotals } from './core/metrics.js';
import type { LiveFigures } from './owner/live-figures.js';
import type { Store } from './store/store.js';
import type { Transport } from './transport/transport.js';

/** Endpoint paths as the metrics name them. */
const KINDS: Record<string, string> = { '/ws/visitor': 'visitor', '/ws/agent': 'agent' };

export type SampledParts = {
  metrics: Metrics;
  transport: Transport;
  directory: Directory;
  figures: LiveFigures;
  store: Store;
  now: () => number;
};

/**
 * Sets, at each scrape, the metrics that describe what is rather than what happened: connections,
 * frame totals (kept by the transport as plain numbers), queues, agents by status, the outbox's
 * backlog and the store's size on disk. All read from memory but the last two.
 */
export function sampleMetrics({ metrics, transport, directory, figures, store, now }: SampledParts): void {
  metrics.sample(() => {
    const counts = [...transport.counts].map(([path, count]) => [KINDS[path] ?? path, count] as const);
    metrics.connections.reset();
    for (const [kind, count] of counts) metrics.connections.set({ kind, transport: transport.name }, count.open);
    setCounterTotals(
      metrics.framesReceived,
      counts.map(([kind, count]) => [{ kind }, count.received]),
    );
    setCounterTotals(
      metrics.framesSent,
      counts.map(([kind, count]) => [{ kind }, count.sent]),
    );
  });
  metrics.sample(() => {
    metrics.queueLength.reset();
    metrics.oldestWaitSeconds.reset();
    metrics.agents.reset();
    for (const room of directory.rooms()) {
      metrics.queueLength.set({ room: room.name }, figures.facts(room.name).waitingVisitors);
      const since = figures.oldestWaitingSince(room.name);
      if (since !== null) metrics.oldestWaitSeconds.set({ room: room.name }, Math.max(0, now() - since) / 1000);
      const summary = figures.statsSummary(room.name);
      if (!summary) continue;
      const { agStatSummary } = JSON.parse(summary) as StatsSummary;
      for (const [client, byStatus] of [
        ['browser', agStatSummary.browserAgentStatus],
        ['mobile', agStatSummary.mobileAppAgentStatus],
      ] as const) {
        for (const [status, count] of Object.entries(byStatus)) metrics.agents.set({ room: room.name, client, status }, count);
      }
    }
  });
  metrics.sample(async () => {
    metrics.outboxBacklog.set((await store.outbox.unfinished()).length);
    const bytes = await store.diskBytes();
    if (bytes !== null) metrics.storeBytes.set(bytes);
  });
}
