import type { ChatMessage, VisitorConversationView } from '@parley/shared';
import { ErrorCode } from '@parley/shared/codes';
import { describe, expect, it } from 'vitest';
import { roomSettings } from '../test-kit.js';
import { applyFrame } from './apply-frame.js';
import { type ChatState, initialState } from './chat-state.js';

const looking = { visible: true };
const away = { visible: false };

const conversation = (id: string, overrides: Partial<VisitorConversationView> = {}): VisitorConversationView => ({
  id,
  room: 'GENERAL',
  status: 'active',
  phase: 'everyone',
  agentName: 'Alice',
  lastSeq: 0,
  startedAt: 1,
  endedBy: null,
  ...overrides,
});
const fromAgent = (seq: number): ChatMessage => ({ seq, clientId: `a-${seq}`, at: seq, kind: 'text', from: 'agent', text: `agent ${seq}` });
const welcome = (open: VisitorConversationView | null) => ({
  type: 'welcome' as const,
  visitorId: 'visitor-000000000001',
  token: 'token-1',
  room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' as const },
  conversation: open,
});

function chatting(overrides: Partial<ChatState> = {}): ChatState {
  return { ...initialState(roomSettings()), conversation: conversation('c-1'), open: true, ...overrides };
}

describe("the widget's state after a server frame", () => {
  it('shows the open conversation from a welcome, keeping only what was unsent there', () => {
    const before: ChatState = {
      ...initialState(roomSettings()),
      pending: [
        { clientId: 'w-1', conversationId: 'c-1', text: 'still mine', at: 1, failed: false },
        { clientId: 'w-2', conversationId: 'c-0', text: 'an old chat', at: 1, failed: false },
      ],
    };
    const after = applyFrame(before, welcome(conversation('c-1')), looking);
    expect(after.conversation?.id).toBe('c-1');
    expect(after.pending.map((p) => p.clientId)).toEqual(['w-1']);
  });

  it('ends the shown conversation when the welcome brings none, and forgets unsent messages when nothing is shown', () => {
    expect(applyFrame(chatting(), welcome(null), looking).conversation).toMatchObject({ id: 'c-1', status: 'ended' });
    const fresh = { ...initialState(roomSettings()), pending: [{ clientId: 'w-1', conversationId: 'c-1', text: 'x', at: 1, failed: false }] };
    expect(applyFrame(fresh, welcome(null), looking).pending).toEqual([]);
  });

  it("does not let an old conversation's end replace the open one", () => {
    const before = chatting();
    expect(applyFrame(before, { type: 'conversation', conversation: conversation('c-0', { status: 'ended' }) }, looking)).toBe(before);
  });

  it('settles an acknowledged message from its local copy, once, and announces it as news', () => {
    const before = chatting({ pending: [{ clientId: 'w-1', conversationId: 'c-1', text: 'Hello', at: 5, failed: false }] });
    const ack = { type: 'ack' as const, conversationId: 'c-1', clientId: 'w-1', seq: 3, at: 6 };
    const after = applyFrame(before, ack, looking);
    expect(after.pending).toEqual([]);
    expect(after.messages).toEqual([{ seq: 3, clientId: 'w-1', at: 6, kind: 'text', from: 'visitor', text: 'Hello' }]);
    expect(after.news.messages.map((m) => m.seq)).toEqual([3]);
    expect(applyFrame(after, ack, looking)).toBe(after);
  });

  it("counts the agent's live messages as unread while the visitor is not looking, and history never", () => {
    const live = applyFrame(chatting(), { type: 'message', conversationId: 'c-1', message: fromAgent(1) }, away);
    expect(live.unread).toBe(1);
    expect(applyFrame(chatting(), { type: 'message', conversationId: 'c-1', message: fromAgent(1) }, looking).unread).toBe(0);
    const history = applyFrame(chatting(), { type: 'history', conversationId: 'c-1', messages: [fromAgent(1), fromAgent(2)], more: false }, away);
    expect(history.messages).toHaveLength(2);
    expect(history.unread).toBe(0);
    expect(history.news.serial).toBe(0);
    expect(applyFrame(chatting(), { type: 'message', conversationId: 'other', message: fromAgent(1) }, away).messages).toEqual([]);
  });

  it('shows a message refused for good as not sent, and leaves one refused for now to be sent again', () => {
    const before = chatting({ pending: [{ clientId: 'w-1', conversationId: 'c-1', text: 'Hello', at: 5, failed: false }] });
    const refused = applyFrame(before, { type: 'error', code: ErrorCode.CONVERSATION_ENDED, message: 'ended', ref: 'w-1' }, looking);
    expect(refused.pending[0]?.failed).toBe(true);
    expect(applyFrame(before, { type: 'error', code: ErrorCode.RATE_LIMITED, message: 'slow down', ref: 'w-1' }, looking)).toBe(before);
    expect(applyFrame(before, { type: 'error', code: ErrorCode.UNAVAILABLE, message: 'not now', ref: 'w-1' }, looking)).toBe(before);
  });

  it('tells the welcome form why a start was refused, and an email request how it went', () => {
    const starting = { ...initialState(roomSettings()), starting: true };
    expect(applyFrame(starting, { type: 'error', code: ErrorCode.FORM_INVALID, message: 'Email is required', ref: 'start' }, looking)).toMatchObject({
      starting: false,
      startProblem: { code: ErrorCode.FORM_INVALID, message: 'Email is required' },
    });
    const asking = chatting({ email: { transcript: { clientId: 'w-9', state: 'sending', to: null, problem: null } } });
    expect(applyFrame(asking, { type: 'emailQueued', clientId: 'w-9', request: 'transcript', to: 'd***@example.com' }, looking).email.transcript).toMatchObject(
      {
        state: 'queued',
        to: 'd***@example.com',
      },
    );
    expect(applyFrame(asking, { type: 'error', code: ErrorCode.EMAIL_RATE_LIMITED, message: 'later', ref: 'w-9' }, looking).email.transcript).toMatchObject({
      state: 'refused',
      problem: ErrorCode.EMAIL_RATE_LIMITED,
    });
  });
});
