import type { AckFrame } from '@parley/shared';

/**
 * An ack as JSON, written out by hand: one goes back for every message, and a template is a
 * fraction of JSON.stringify's cost. Same keys in the same order as `JSON.stringify(ack)`.
 */
export function ackJson(ack: AckFrame): string {
  return `{"type":"ack","conversationId":${JSON.stringify(ack.conversationId)},"clientId":${JSON.stringify(ack.clientId)},"seq":${ack.seq},"at":${ack.at}}`;
}
