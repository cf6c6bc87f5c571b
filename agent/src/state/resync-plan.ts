import type { SendMessageFrame } from '@parley/shared';
import { contiguousSeq, missingAfter } from '@parley/shared/client';
import type { ConsoleState } from './console-state.js';

export type ResyncPlan = {
  /** Conversations to `sync`, each from the last seq shown without a gap. */
  syncs: { conversationId: string; afterSeq: number }[];
  /** Messages never acknowledged, sent again under their own client ids (stored once either way). */
  resend: SendMessageFrame[];
  /** Chats and offers whose visitor's earlier chats are not listed yet. */
  past: string[];
};

/**
 * What the console asks for after a welcome (first or after a reconnect): the delivery contract's
 * half that lives in the client. Chats that ended here are done; chats the welcome no longer
 * lists are synced to learn how they ended, but nothing is sent into them.
 */
export function resyncPlan(state: ConsoleState): ResyncPlan {
  const plan: ResyncPlan = { syncs: [], resend: [], past: [] };
  for (const chat of state.chats) {
    const id = chat.conversation.id;
    if (chat.conversation.status === 'ended' && !chat.detached) continue;
    // A chat the welcome no longer lists is synced to learn how it ended; the others when something is missing.
    const afterSeq = chat.detached ? contiguousSeq(chat.messages) : missingAfter(chat.messages, chat.conversation.lastSeq);
    if (afterSeq !== null) plan.syncs.push({ conversationId: id, afterSeq });
    if (chat.detached) continue;
    for (const pending of chat.pending) {
      if (pending.state === 'sending' && pending.kind === 'text')
        plan.resend.push({ type: 'message', conversationId: id, clientId: pending.clientId, text: pending.text });
    }
    if (!state.past[id]) plan.past.push(id);
  }
  for (const offer of state.offers) if (!state.past[offer.conversationId]) plan.past.push(offer.conversationId);
  for (const [id, transcript] of Object.entries(state.transcripts)) {
    if (!transcript.complete) plan.syncs.push({ conversationId: id, afterSeq: contiguousSeq(transcript.messages) });
  }
  return plan;
}
