import type { ChatMessage, VisitorConversationView } from '@parley/shared';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATION_ID, renderChat, roomSettings } from '../test-kit.js';

const active: VisitorConversationView = {
  id: CONVERSATION_ID,
  room: 'GENERAL',
  status: 'active',
  phase: 'everyone',
  agentName: 'Alice',
  lastSeq: 3,
  startedAt: 1,
  endedBy: null,
};
const history: ChatMessage[] = [
  { seq: 1, clientId: 'sys:1', at: Date.UTC(2026, 0, 5, 9, 0), kind: 'event', event: 'agent-joined', name: 'Alice' },
  { seq: 2, clientId: 'a-1', at: Date.UTC(2026, 0, 5, 9, 1), kind: 'text', from: 'agent', name: 'Alice', text: 'Hello! <img src=x onerror=alert(1)>' },
  { seq: 3, clientId: 'v-1', at: Date.UTC(2026, 0, 5, 9, 2), kind: 'text', from: 'visitor', text: 'Hi, my <b>brakes</b> squeak' },
];

function chatting(
  settings = roomSettings({ branding: { companyName: null, logoUrl: null, header: 'Help', subHeader: null, greeting: null, agentRole: 'Tutor' } }),
) {
  const chat = renderChat(settings);
  chat.socket.deliver({
    type: 'welcome',
    visitorId: 'visitor-000000000001',
    token: 'token-1',
    room: { name: 'GENERAL', label: 'General', routing: settings.routing },
    conversation: active,
  });
  const sync = chat.socket.sent.find((frame) => frame.type === 'sync');
  expect(sync).toMatchObject({ conversationId: CONVERSATION_ID, afterSeq: 0 });
  chat.socket.deliver({ type: 'history', conversationId: CONVERSATION_ID, messages: history, more: false });
  return chat;
}

const items = () => within(screen.getByRole('list', { name: 'Messages' })).getAllByRole('listitem');

describe('the message list', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('shows history in order, each line as text, agents with their name and role', () => {
    chatting();
    const lines = items();
    expect(lines.map((line) => line.textContent)).toEqual([
      'Alice joined the chat.',
      expect.stringContaining('Alice · TutorHello! <img src=x onerror=alert(1)>'),
      expect.stringContaining('YouHi, my <b>brakes</b> squeak'),
    ]);
    expect(document.querySelector('.messages img, .messages b')).toBeNull();
    // The agent who answers, with their initials beside their name (decoration, hidden from screen readers).
    expect(lines[1]!.querySelector('.avatar')?.textContent).toBe('A');
    expect(lines[1]!.querySelector('.avatar')?.getAttribute('aria-hidden')).toBe('true');
    expect(lines[2]!.textContent).toContain('Sent');
  });

  it('echoes the visitor’s message at once as sending, then sent once the server stored it', () => {
    const { socket } = chatting();
    fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Is it the pads?' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    });
    const sent = socket.sent.find((frame) => frame.type === 'message')!;
    expect(sent).toMatchObject({ conversationId: CONVERSATION_ID, text: 'Is it the pads?' });
    expect(items()[3]!.textContent).toContain('Is it the pads?');
    expect(items()[3]!.textContent).toContain('Sending…');

    socket.deliver({ type: 'ack', conversationId: CONVERSATION_ID, clientId: sent.clientId as string, seq: 4, at: Date.now() });
    expect(items()).toHaveLength(4);
    expect(items()[3]!.textContent).toContain('Sent');
    expect(items()[3]!.textContent).not.toContain('Sending');

    // The same message again (another tab's copy, a history page) is not shown twice.
    socket.deliver({
      type: 'message',
      conversationId: CONVERSATION_ID,
      message: { seq: 4, clientId: sent.clientId as string, at: Date.now(), kind: 'text', from: 'visitor', text: 'Is it the pads?' },
    });
    socket.deliver({ type: 'history', conversationId: CONVERSATION_ID, messages: history, more: false });
    expect(items()).toHaveLength(4);
  });

  it('marks a message the server refused for good as not sent', () => {
    const { socket } = chatting();
    fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Too late' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    });
    const sent = socket.sent.find((frame) => frame.type === 'message')!;
    socket.deliver({ type: 'error', code: 'CONVERSATION_ENDED', message: 'The conversation has ended.', ref: sent.clientId as string });
    expect(items()[3]!.textContent).toContain('Not sent');
  });

  it('keeps a message that was not sent where it was written, above the agent’s later replies', () => {
    const { socket } = chatting();
    fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Too late' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    });
    const sent = socket.sent.find((frame) => frame.type === 'message')!;
    socket.deliver({ type: 'error', code: 'BAD_FRAME', message: 'Refused.', ref: sent.clientId as string });
    socket.deliver({
      type: 'message',
      conversationId: CONVERSATION_ID,
      message: { seq: 4, clientId: 'a-9', at: Date.now() + 60_000, kind: 'text', from: 'agent', name: 'Alice', text: 'Anything else?' },
    });
    const texts = items().map((line) => line.textContent);
    expect(texts[3]).toContain('Too late');
    expect(texts[3]).toContain('Not sent');
    expect(texts[4]).toContain('Anything else?');
  });

  it('shows the agent typing, files from the agent, and the end of the chat', () => {
    const { socket } = chatting();
    socket.deliver({ type: 'typing', conversationId: CONVERSATION_ID, active: true });
    expect(screen.getByText('Alice is typing…')).toBeTruthy();
    socket.deliver({
      type: 'message',
      conversationId: CONVERSATION_ID,
      message: {
        seq: 4,
        clientId: 'a-2',
        at: Date.now(),
        kind: 'file',
        from: 'agent',
        name: 'Alice',
        file: { id: 'file-00000000000000001', name: 'quote <1>.pdf', size: 250_000, kind: 'pdf', mime: 'application/pdf' },
      },
    });
    expect(screen.getByRole('button', { name: 'Download quote <1>.pdf (244 KB)' })).toBeTruthy();
    socket.deliver({ type: 'typing', conversationId: CONVERSATION_ID, active: false });
    expect(screen.queryByText('Alice is typing…')).toBeNull();

    socket.deliver({ type: 'conversation', conversation: { ...active, status: 'ended', endedBy: 'agent', lastSeq: 5 } });
    socket.deliver({
      type: 'message',
      conversationId: CONVERSATION_ID,
      message: { seq: 5, clientId: 'sys:2', at: Date.now(), kind: 'event', event: 'agent-ended', name: 'Alice' },
    });
    expect(items().at(-1)!.textContent).toBe('Alice ended the chat.');
    expect(screen.getByText('This chat has ended.')).toBeTruthy();
    expect(screen.queryByLabelText('Message')).toBeNull();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Start a new chat' }));
    });
    expect(screen.getByRole('button', { name: 'Start chat' })).toBeTruthy();
  });

  it('tells a waiting visitor their place in line, and offers to ask everyone in a sticky room', () => {
    const { socket } = renderChat(roomSettings({ routing: 'sticky' }));
    socket.deliver({
      type: 'welcome',
      visitorId: 'visitor-000000000001',
      token: 'token-1',
      room: { name: 'GENERAL', label: 'General', routing: 'sticky' },
      conversation: { ...active, status: 'waiting', phase: 'sticky', agentName: null, lastSeq: 0 },
    });
    socket.deliver({ type: 'queue', conversationId: CONVERSATION_ID, position: 3 });
    expect(screen.getAllByText('You are number 3 in line.').length).toBeGreaterThan(0);
    expect(screen.getByText('We are asking the agent you spoke with last time.')).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Ask anyone available' }));
    });
    expect(socket.sent.at(-1)).toEqual({ type: 'askAll', conversationId: CONVERSATION_ID });
  });
});
