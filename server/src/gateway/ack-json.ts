import type { AckFrame } from '@parley/shared';
import type { Metrics } from '../core/metrics.js';
import type { Connection } from '../transport/transport.js';

/**
 * An ack as JSON, written out by hand: one goes back for every message, and a template is a
 * fraction of JSON.stringify's cost. Same keys in the same order as `JSON.stringify(ack)`.
 */
export function ackJson(ack: AckFrame): string {
  return `{"type":"ack","conversationId":${JSON.stringify(ack.conversationId)},"clientId":${JSON.stringify(ack.clientId)},"seq":${ack.seq},"at":${ack.at}}`;
}

/**
 * What sends an endpoint's acks: each once the message is stored, its time from the frame to the
 * ack observed in `metrics` (one histogram child per endpoint, looked up once).
 */
export function acknowledger(metrics: Metrics | undefined, kind: 'visitor' | 'agent') {
  const seconds = metrics?.ackSeconds.labels({ kind });
  return (connection: Connection, stored: Promise<AckFrame>): Promise<void> => {
    const started = seconds ? performance.now() : 0;
    return stored.then((ack) => {
      connection.send(ackJson(ack));
      seconds?.observe((performance.now() - started) / 1000);
    });
  };
}
