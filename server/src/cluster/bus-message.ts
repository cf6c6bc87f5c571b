import type { ClientStatuses } from '@parley/shared';
import type { AgentConnections } from '../gateway/fanout.js';

/**
 * What nodes say to each other. Frames, the busiest, travel as `v|a <tab> from <tab> to <tab> skip
 * <tab> json` so that the frame's JSON (a message, serialised once by the store) is not wrapped in
 * JSON again; one frame to many agents as `m <tab> from <tab> [ids as JSON] <tab> json`; everything
 * else as `j <tab> from <tab> json`. `from` lets a node ignore its own words.
 */
export type BusNews =
  /** Close some of an agent's connections (the settings signed them out). */
  | { k: 'close'; agent: string; which: AgentConnections }
  /** A session signed out: each node signs its connections of that session off and closes them. */
  | { k: 'signout'; agent: string; session: string }
  /** An agent's statuses changed (from the owner): statistics and "who is online". */
  | { k: 'status'; agent: string; statuses: ClientStatuses }
  /** A room's waiting visitors and the change in its ready agents (from the owner): availability rules. */
  | { k: 'room'; room: string; waiting: number; add: string[]; remove: string[] }
  /** Settings were saved: read what changed from the store. */
  | { k: 'settings' }
  /** A node took routing over at this epoch. */
  | { k: 'epoch'; epoch: number; node: string };

export type BusMessage =
  | { kind: 'visitor' | 'agent'; from: string; to: string; skip: string | undefined; json: string }
  | { kind: 'agents'; from: string; to: string[]; json: string }
  | { kind: 'news'; from: string; news: BusNews };

export function encodeFrame(kind: 'visitor' | 'agent', from: string, to: string, skip: string | undefined, json: string): string {
  return `${kind === 'visitor' ? 'v' : 'a'}\t${from}\t${to}\t${skip ?? ''}\t${json}`;
}

export function encodeAgentsFrame(from: string, to: readonly string[], json: string): string {
  return `m\t${from}\t${JSON.stringify(to)}\t${json}`;
}

export function encodeNews(from: string, news: BusNews): string {
  return `j\t${from}\t${JSON.stringify(news)}`;
}

/** Splits at the first `count` tabs (JSON never holds a raw tab: JSON.stringify escapes it). */
function fields(message: string, count: number): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const tab = message.indexOf('\t', start);
    if (tab < 0) throw new Error('malformed bus message');
    parts.push(message.slice(start, tab));
    start = tab + 1;
  }
  parts.push(message.slice(start));
  return parts;
}

export function decodeBusMessage(message: string): BusMessage {
  const kind = message[0];
  if (kind === 'v' || kind === 'a') {
    const [, from, to, skip, json] = fields(message, 4);
    return { kind: kind === 'v' ? 'visitor' : 'agent', from: from!, to: to!, skip: skip || undefined, json: json! };
  }
  if (kind === 'm') {
    const [, from, to, json] = fields(message, 3);
    return { kind: 'agents', from: from!, to: JSON.parse(to!) as string[], json: json! };
  }
  if (kind !== 'j') throw new Error('unknown bus message');
  const [, from, json] = fields(message, 2);
  return { kind: 'news', from: from!, news: JSON.parse(json!) as BusNews };
}
