import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from half a millisecond (an ack on an idle server) to a few seconds. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * What `/metrics` reports, in Prometheus's text format (prom-client). Things that happen (a message
 * stored, an offer timing out) are counted where they happen, through the fields below; things
 * that are (connections open, a queue's length) are read when scraped, by the samplers each part
 * registers, so that no hot path pays for them.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly samplers: (() => void | Promise<void>)[] = [];

  readonly connections = this.gauge('parley_connections', 'WebSocket connections open, by endpoint and transport', ['kind', 'transport']);
  readonly framesReceived = this.counter('parley_frames_received_total', 'WebSocket frames received, by endpoint', ['kind']);
  readonly framesSent = this.counter('parley_frames_sent_total', 'WebSocket frames sent, by endpoint', ['kind']);
  readonly messagesStored = this.counter('parley_messages_stored_total', 'Chat messages, files and events stored (a resent duplicate is not counted)', []);
  readonly ackSeconds = this.histogram('parley_ack_seconds', 'Time from a message frame read to its acknowledgement sent, by endpoint', ['kind']);
  readonly journalWriteSeconds = this.histogram('parley_journal_write_seconds', 'Time of one journal write (a batch of entries)', []);
  readonly journalSyncSeconds = this.histogram('parley_journal_fsync_seconds', 'Time of one journal fdatasync (JOURNAL_SYNC=fsync)', []);
  readonly queueLength = this.gauge('parley_queue_waiting', 'Visitors waiting in each room', ['room']);
  readonly oldestWaitSeconds = this.gauge(
    'parley_queue_oldest_wait_seconds',
    'How long the longest-waiting visitor of each room has waited (on the routing node)',
    ['room'],
  );
  readonly agents = this.gauge('parley_agents', 'Agents signed in to each room, by client and status', ['room', 'client', 'status']);
  readonly offers = this.counter('parley_offers_total', 'Offers of a waiting chat made to agents', ['room']);
  readonly offerTimeouts = this.counter('parley_offer_timeouts_total', 'Offers that ran out before anyone accepted', ['room']);
  readonly outboxBacklog = this.gauge('parley_outbox_backlog', 'Emails held or waiting to be sent', []);
  readonly emailsFailed = this.counter('parley_emails_failed_total', 'Emails given up on (refused by the mail server, or out of time)', []);
  readonly storeBytes = this.gauge('parley_store_bytes', "Bytes the store's files take on disk (journal and attachments)", []);

  constructor() {
    // Process figures, and the event loop's lag (nodejs_eventloop_lag_seconds and its percentiles).
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /** Runs `sample` before each scrape, to set the gauges it owns. */
  sample(sample: () => void | Promise<void>): void {
    this.samplers.push(sample);
  }

  /** The text a scrape gets. */
  async text(): Promise<string> {
    for (const sample of this.samplers) await sample();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(name: string, help: string, labelNames: L[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }
}

/** Sets a counter to totals kept elsewhere (a transport's plain frame counts), one per label set. */
export function setCounterTotals<L extends string>(counter: Counter<L>, totals: readonly [Partial<Record<L, string>>, number][]): void {
  counter.reset();
  for (const [labels, total] of totals) counter.inc(labels, total);
}
