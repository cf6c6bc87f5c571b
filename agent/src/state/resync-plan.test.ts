import type { ChatMessage } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { chat, conversation, offer } from '../test-support/fixtures.js';
import { type ConsoleState, initialState } from './console-state.js';
import { resyncPlan } from './resync-plan.js';

const message = (seq: number): ChatMessage => ({ seq, clientId: `c-${seq}`, at: seq, kind: 'text', from: 'visitor', text: `m${seq}` });

describe('the resync after a welcome', () => {
  it('syncs each chat from its last seq without a gap, resends what was never acknowledged, and fetches missing context', () => {
    const behind = chat({ conversation: conversation({ lastSeq: 6 }), messages: [message(1), message(2), message(3), message(5)] });
    behind.pending = [
      { clientId: 'mine-1', kind: 'text', text: 'still on its way', state: 'sending', error: null },
      { clientId: 'mine-2', kind: 'text', text: 'refused before', state: 'failed', error: 'ended' },
      { clientId: 'file-1', kind: 'file', text: 'photo.png', state: 'sending', error: null },
    ];
    const current = chat({ conversation: conversation({ lastSeq: 1 }), messages: [message(1)] });
    const ended = chat({ status: 'ended', messages: [message(1)] });
    const gone = chat({ detached: true, messages: [message(1), message(2)] });
    gone.pending = [{ clientId: 'mine-3', kind: 'text', text: 'too late', state: 'sending', error: null }];
    const waiting = offer();
    const state: ConsoleState = {
      ...initialState('browser'),
      chats: [behind, current, ended, gone],
      offers: [waiting],
      past: { [current.conversation.id]: { conversations: [], total: 0 } },
      transcripts: { earlierxxxxxxxxxxxxx1: { messages: [message(1)], complete: false }, earlierxxxxxxxxxxxxx2: { messages: [], complete: true } },
    };
    const plan = resyncPlan(state);
    expect(plan.syncs).toEqual([
      { conversationId: behind.conversation.id, afterSeq: 3 },
      { conversationId: gone.conversation.id, afterSeq: 2 },
      { conversationId: 'earlierxxxxxxxxxxxxx1', afterSeq: 1 },
    ]);
    expect(plan.resend).toEqual([{ type: 'message', conversationId: behind.conversation.id, clientId: 'mine-1', text: 'still on its way' }]);
    expect(plan.past).toEqual([behind.conversation.id, waiting.conversationId]);
  });
});
