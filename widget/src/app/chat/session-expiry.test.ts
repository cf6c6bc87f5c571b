import type { VisitorConversationView } from '@parley/shared';
import { ErrorCode } from '@parley/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONVERSATION_ID, connectedPage as page } from '../test-kit.js';

/*
 * The server forgets a visitor's session after VISITOR_SESSION_DAYS without a visit, and answers
 * the stored token's hello like an unknown one: a new visitor, a new token, no conversation.
 */

const KEYS = { token: 'parley:chat.test:token', active: 'parley:chat.test:GENERAL:active', outbox: 'parley:chat.test:GENERAL:outbox' };
const conversation: VisitorConversationView = {
  id: CONVERSATION_ID,
  room: 'GENERAL',
  status: 'active',
  phase: 'everyone',
  agentName: 'Alice',
  lastSeq: 1,
  startedAt: 1,
  endedBy: null,
};
const room = { name: 'GENERAL', label: 'General', routing: 'quickest-reply' as const };
const freshWelcome = { type: 'welcome' as const, visitorId: 'visitor-000000000002', token: 'token-new', room, conversation: null };

describe('the widget when its visitor session has expired', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('on a new page: keeps the new token, and forgets the old chat marker and unsent messages, so the next page is a plain one', () => {
    localStorage.setItem(KEYS.token, 'token-old');
    localStorage.setItem(KEYS.active, CONVERSATION_ID);
    localStorage.setItem(KEYS.outbox, JSON.stringify([{ clientId: 'c-1', conversationId: CONVERSATION_ID, text: 'still there?', at: 1 }]));
    const { socket, controller } = page();
    expect(socket.sent[0]).toMatchObject({ type: 'hello', token: 'token-old' });

    socket.deliver(freshWelcome);
    expect(localStorage.getItem(KEYS.token)).toBe('token-new');
    expect(localStorage.getItem(KEYS.active)).toBeNull();
    expect(localStorage.getItem(KEYS.outbox)).toBeNull();
    expect(controller.state.conversation).toBeNull();
    expect(controller.state.pending).toEqual([]);
    expect(socket.sent.filter((frame) => frame.type === 'message')).toEqual([]);

    // A new chat works as for anyone.
    controller.startConversation({ name: 'Dana' });
    expect(socket.sent.at(-1)).toMatchObject({ type: 'start', form: { name: 'Dana' } });
  });

  it('on a page left open: shows the old chat as ended (the server refuses its history to the new visitor) and offers a new one', () => {
    vi.useFakeTimers();
    localStorage.setItem(KEYS.token, 'token-old');
    const { socket, controller } = page();
    socket.deliver({ type: 'welcome', visitorId: 'visitor-000000000001', token: 'token-old', room, conversation });
    socket.deliver({
      type: 'history',
      conversationId: CONVERSATION_ID,
      messages: [{ seq: 1, clientId: 'sys:1', at: 1, kind: 'event', event: 'agent-joined', name: 'Alice' }],
      more: false,
    });

    socket.close(); // weeks go by
    vi.advanceTimersByTime(500); // the first retry
    socket.open();
    expect(socket.sent.at(-1)).toMatchObject({ type: 'hello', token: 'token-old' });
    socket.deliver(freshWelcome);
    expect(socket.sent.filter((frame) => frame.type === 'sync').at(-1)).toMatchObject({ conversationId: CONVERSATION_ID, afterSeq: 1 });
    socket.deliver({ type: 'error', code: ErrorCode.NOT_YOUR_CONVERSATION, message: 'That conversation is not yours.' });
    expect(localStorage.getItem(KEYS.token)).toBe('token-new');
    expect(controller.state.conversation).toMatchObject({ id: CONVERSATION_ID, status: 'ended' });
    expect(controller.state.messages.map((m) => m.seq)).toEqual([1]);
    expect(localStorage.getItem(KEYS.active)).toBeNull();
    controller.newChat();
    expect(controller.state.conversation).toBeNull();
  });

  it('in another open tab: its next hello uses the new token the first tab was given, so both tabs stay one visitor', () => {
    vi.useFakeTimers();
    localStorage.setItem(KEYS.token, 'token-old');
    const { socket } = page();
    socket.deliver({ type: 'welcome', visitorId: 'visitor-000000000001', token: 'token-old', room, conversation: null });

    localStorage.setItem(KEYS.token, 'token-new'); // the other tab's hello found the session expired
    socket.close();
    vi.advanceTimersByTime(500);
    socket.open();
    expect(socket.sent.at(-1)).toMatchObject({ type: 'hello', token: 'token-new' });
  });
});
