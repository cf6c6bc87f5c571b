import type { ChatMessage } from '../message.js';

/*
 * A conversation's messages as the delivery contract promises them: in sequence order, each
 * `seq` once, whether it came live, in a history page after a reconnect, or both.
 */

/** `incoming` merged into `messages` (sorted, unique by seq). The same array when nothing is new. */
export function mergeMessages(messages: ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const known = new Set(messages.map((m) => m.seq));
  const fresh: ChatMessage[] = [];
  for (const message of incoming) {
    if (known.has(message.seq)) continue;
    known.add(message.seq);
    fresh.push(message);
  }
  if (fresh.length === 0) return messages;
  const last = messages[messages.length - 1];
  if (last && fresh.every((m, i) => m.seq > (i === 0 ? last.seq : fresh[i - 1]!.seq))) return [...messages, ...fresh];
  return [...messages, ...fresh].sort((a, b) => a.seq - b.seq);
}

/** The highest seq up to which nothing is missing: the point every sync asks from. */
export function contiguousSeq(messages: readonly ChatMessage[]): number {
  let seq = 0;
  for (const message of messages) {
    if (message.seq !== seq + 1) break;
    seq = message.seq;
  }
  return seq;
}

/**
 * The recovery rule: where to sync from, or null when nothing is missing. Something is missing
 * when a message past a hole is held (a live one that overtook history), or when the server has
 * more than is held (its `lastSeq`). A sync always starts at `contiguousSeq`, never at the highest
 * seq held, so a live message landing between two history pages cannot make a client skip one.
 */
export function missingAfter(messages: readonly ChatMessage[], serverLastSeq = 0): number | null {
  const after = contiguousSeq(messages);
  const held = messages[messages.length - 1]?.seq ?? 0;
  return held > after || serverLastSeq > after ? after : null;
}
