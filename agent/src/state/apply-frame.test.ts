import type { ChatMessage } from '@parley/shared';
import { contiguousSeq } from '@parley/shared/client';
import { describe, expect, it } from 'vitest';
import { agentWelcome, conversation, GENERAL, offer } from '../test-support/fixtures.js';
import { applyFrame } from './apply-frame.js';
import { type ConsoleState, initialState } from './console-state.js';
import { addPending, markAccepting, selectChat, setPageHidden } from './local-actions.js';

const text = (seq: number, words: string, from: 'visitor' | 'agent' = 'visitor'): ChatMessage => ({
  seq,
  clientId: `c-${seq}`,
  at: 1000 + seq,
  kind: 'text',
  from,
  text: words,
});

const welcome = agentWelcome;

describe('the console state', () => {
  it('after a reconnect, takes offers and queues from the welcome alone: nothing stale survives', () => {
    const stale = offer({ name: 'Gone' });
    const fresh = offer({ name: 'New' });
    let state = applyFrame(initialState('browser'), welcome({ offers: [stale], queues: [{ room: 'GENERAL', total: 2, entries: [] }] }));
    state = applyFrame(state, welcome({ offers: [fresh], queues: [{ room: 'GENERAL', total: 1, entries: [] }] }));
    expect(state.offers.map((o) => o.visitor.name)).toEqual(['New']);
    expect(state.queues).toEqual([{ room: 'GENERAL', total: 1, entries: [] }]);
  });

  it('keeps what a chat showed across a reconnect, and marks a chat the welcome no longer lists as no longer ours', () => {
    const kept = conversation({ name: 'Dana' });
    const lost = conversation({ name: 'Eve' });
    let state = applyFrame(initialState('browser'), welcome({ conversations: [kept, lost] }));
    state = applyFrame(state, { type: 'message', conversationId: kept.id, message: text(1, 'hello') });
    state = addPending(state, kept.id, { clientId: 'mine-1', kind: 'text', text: 'on its way', state: 'sending', error: null });
    state = applyFrame(state, welcome({ conversations: [{ ...kept, lastSeq: 3 }] }));
    const [dana, eve] = state.chats;
    expect(dana).toMatchObject({ detached: false, conversation: { lastSeq: 3 } });
    expect(dana!.messages.map((m) => m.seq)).toEqual([1]);
    expect(dana!.pending.map((p) => p.clientId)).toEqual(['mine-1']);
    expect(eve!.detached).toBe(true);
    // Its history then shows how it ended while we were away.
    state = applyFrame(state, {
      type: 'history',
      conversationId: lost.id,
      messages: [{ seq: 1, clientId: 'sys:1', at: 9, kind: 'event', event: 'visitor-ended' }],
      more: false,
    });
    expect(state.chats[1]).toMatchObject({ detached: false, conversation: { status: 'ended', endedBy: 'visitor' } });
  });

  it('shows each seq once, in order, however messages arrive (live, history pages, both)', () => {
    const c = conversation();
    let state = applyFrame(initialState('browser'), welcome({ conversations: [c] }));
    state = applyFrame(state, { type: 'message', conversationId: c.id, message: text(4, 'four') });
    state = applyFrame(state, { type: 'history', conversationId: c.id, messages: [text(1, 'one'), text(2, 'two')], more: true });
    expect(contiguousSeq(state.chats[0]!.messages)).toBe(2);
    state = applyFrame(state, { type: 'history', conversationId: c.id, messages: [text(2, 'two'), text(3, 'three'), text(4, 'four')], more: false });
    state = applyFrame(state, { type: 'message', conversationId: c.id, message: text(3, 'three') });
    expect(state.chats[0]!.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(contiguousSeq(state.chats[0]!.messages)).toBe(4);
  });

  it('turns an acknowledged message into a stored one, once, even when the history brings it too', () => {
    const c = conversation();
    let state = applyFrame(initialState('browser'), welcome({ conversations: [c] }));
    state = addPending(state, c.id, { clientId: 'mine-1', kind: 'text', text: 'Let me check', state: 'sending', error: null });
    state = applyFrame(state, { type: 'ack', conversationId: c.id, clientId: 'mine-1', seq: 1, at: 5000 });
    state = applyFrame(state, {
      type: 'history',
      conversationId: c.id,
      messages: [{ ...text(1, 'Let me check', 'agent'), clientId: 'mine-1', name: 'Alice' }],
      more: false,
    });
    expect(state.chats[0]!.pending).toEqual([]);
    expect(state.chats[0]!.messages).toEqual([{ seq: 1, clientId: 'mine-1', at: 5000, kind: 'text', from: 'agent', name: 'Alice', text: 'Let me check' }]);
  });

  it('counts unread visitor messages in tabs not shown, and clears them when the tab is shown', () => {
    const shown = conversation({ name: 'Dana' });
    const other = conversation({ name: 'Eve' });
    let state = applyFrame(initialState('browser'), welcome({ conversations: [shown, other] }));
    expect(state.selected).toBe(shown.id);
    for (const [seq, from] of [
      [1, 'visitor'],
      [2, 'visitor'],
      [3, 'agent'],
    ] as const) {
      state = applyFrame(state, { type: 'message', conversationId: other.id, message: text(seq, 'hi', from) });
      state = applyFrame(state, { type: 'message', conversationId: shown.id, message: text(seq, 'hi', from) });
    }
    state = applyFrame(state, { type: 'message', conversationId: other.id, message: text(2, 'hi') });
    expect(state.chats.map((c) => c.unread)).toEqual([0, 2]);
    state = selectChat(state, other.id);
    expect(state.chats.map((c) => c.unread)).toEqual([0, 0]);
    // With the console in the background, the shown chat counts too, until the agent comes back.
    state = setPageHidden(state, true);
    state = applyFrame(state, { type: 'message', conversationId: other.id, message: text(4, 'anyone?') });
    expect(state.chats.map((c) => c.unread)).toEqual([0, 1]);
    state = setPageHidden(state, false);
    expect(state.chats.map((c) => c.unread)).toEqual([0, 0]);
  });

  it("shows the visitor's draft while they type, and clears it when their message arrives", () => {
    const c = conversation();
    let state = applyFrame(initialState('browser'), welcome({ conversations: [c] }));
    state = applyFrame(state, { type: 'typing', conversationId: c.id, active: true, draft: 'My ord' });
    expect(state.chats[0]!.typing).toEqual({ active: true, draft: 'My ord' });
    state = applyFrame(state, { type: 'message', conversationId: c.id, message: text(1, 'My order') });
    expect(state.chats[0]!.typing).toEqual({ active: false, draft: null });
  });

  it('drops an offer that was taken first, with a notice; marks a refused message as not sent', () => {
    const taken = offer({ name: 'Dana' });
    const c = conversation();
    let state: ConsoleState = applyFrame(initialState('browser'), welcome({ offers: [taken], conversations: [c] }));
    state = applyFrame(state, { type: 'rooms', rooms: [GENERAL], cannedReplies: [] });
    state = applyFrame(state, { type: 'error', code: 'ALREADY_TAKEN', message: 'Another agent accepted this chat first.', ref: taken.conversationId });
    expect(state.offers).toEqual([]);
    expect(state.notices.map((n) => n.text)).toEqual(['Another agent accepted that chat first.']);
    state = addPending(state, c.id, { clientId: 'mine-2', kind: 'text', text: 'hello', state: 'sending', error: null });
    // "Not now" (the server could not store it yet): still sending, to go again on reconnect.
    const notNow = applyFrame(state, { type: 'error', code: 'UNAVAILABLE', message: 'Try again in a moment.', ref: 'mine-2' });
    expect(notNow.chats[0]!.pending[0]).toMatchObject({ state: 'sending', error: null });
    state = applyFrame(state, { type: 'error', code: 'CONVERSATION_ENDED', message: 'The conversation has ended.', ref: 'mine-2' });
    expect(state.chats[0]!.pending[0]).toMatchObject({ state: 'failed', error: 'The conversation has ended.' });
  });

  it('opens a tab for a chat accepted here or on another tab, and takes its offer away', () => {
    const waiting = offer({ name: 'Dana' });
    let state = applyFrame(initialState('browser'), welcome({ offers: [waiting] }));
    state = applyFrame(state, { type: 'offerWithdrawn', conversationId: waiting.conversationId, reason: 'accepted' });
    state = applyFrame(state, { type: 'conversation', conversation: conversation({ id: waiting.conversationId, name: 'Dana' }) });
    expect(state.offers).toEqual([]);
    expect(state.chats.map((c) => c.conversation.visitor.name)).toEqual(['Dana']);
    expect(state.selected).toBe(waiting.conversationId);
  });

  it('shows the chat the agent accepted here, even with another one open', () => {
    const first = conversation({ name: 'Dana' });
    const waiting = offer({ name: 'Eve' });
    let state = applyFrame(initialState('browser'), welcome({ conversations: [first], offers: [waiting] }));
    expect(state.selected).toBe(first.id);
    state = markAccepting(state, waiting.conversationId);
    state = applyFrame(state, { type: 'conversation', conversation: conversation({ id: waiting.conversationId, name: 'Eve' }) });
    expect(state.selected).toBe(waiting.conversationId);
    expect(state.accepting).toBeNull();
  });

  it('closes an ended chat once the agent moves to another, unless it still owes its result code', () => {
    const dana = conversation({ name: 'Dana' });
    const eve = conversation({ name: 'Eve' });
    let state = applyFrame(initialState('browser'), welcome({ conversations: [dana, eve] }));
    state = applyFrame(state, { type: 'rooms', rooms: [GENERAL], cannedReplies: [] });
    state = applyFrame(state, { type: 'conversation', conversation: { ...dana, status: 'ended', endedBy: 'visitor' } });
    state = selectChat(state, eve.id);
    expect(state.chats.map((c) => c.conversation.visitor.name)).toEqual(['Eve']);

    // With a result code plan, it stays until its result is saved.
    const fay = conversation({ name: 'Fay' });
    state = applyFrame(state, { type: 'rooms', rooms: [{ ...GENERAL, resultCodes: ['Sale'] }], cannedReplies: [] });
    state = applyFrame(state, { type: 'conversation', conversation: fay });
    state = applyFrame(state, { type: 'conversation', conversation: { ...eve, status: 'ended', endedBy: 'agent' } });
    state = selectChat(state, fay.id);
    expect(state.chats.map((c) => c.conversation.visitor.name)).toEqual(['Eve', 'Fay']);
    state = applyFrame(state, {
      type: 'conversation',
      conversation: { ...eve, status: 'ended', endedBy: 'agent', disposition: { code: 'Sale', note: null, at: 1 } },
    });
    state = selectChat(state, eve.id);
    state = selectChat(state, fay.id);
    expect(state.chats.map((c) => c.conversation.visitor.name)).toEqual(['Fay']);
  });
});
