import type { ChatMessage } from '@parley/shared';

/*
 * A conversation's messages kept as the delivery contract promises: in sequence order, each
 * `seq` shown once, whether it came live, from a history page after a reconnect, or both.
 */

/** `incoming` merged into `messages` (sorted, unique by seq). Returns the same array when nothing is new. */
export function mergeMessages(messages: ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const known = new Set(messages.map((m) => m.seq));
  const fresh = incoming.filter((m) => !known.has(m.seq) && (known.add(m.seq), true));
  if (fresh.length === 0) return messages;
  const last = messages[messages.length - 1];
  if (last && fresh.every((m, i) => m.seq > (i === 0 ? last.seq : fresh[i - 1]!.seq))) return [...messages, ...fresh];
  return [...messages, ...fresh].sort((a, b) => a.seq - b.seq);
}

/** The highest seq up to which nothing is missing: what to `sync` after. */
export function contiguousSeq(messages: readonly ChatMessage[]): number {
  let seq = 0;
  for (const message of messages) {
    if (message.seq !== seq + 1) break;
    seq = message.seq;
  }
  return seq;
}
