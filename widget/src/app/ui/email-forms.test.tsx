import type { VisitorConversationView } from '@parley/shared';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONVERSATION_ID, type FakeSocket, renderChat, roomSettings } from '../test-kit.js';

const withEmail = (overrides: Parameters<typeof roomSettings>[0] = {}) =>
  roomSettings({
    welcomeForm: [
      { key: 'name', type: 'text', label: 'Name', rule: 'optional' },
      { key: 'email', type: 'email', label: 'Email', rule: 'optional' },
    ],
    email: { transcript: true, leaveMessage: true, alert: true },
    ...overrides,
  });

const conversation = (status: VisitorConversationView['status'], agentName: string | null = 'Alice'): VisitorConversationView => ({
  id: CONVERSATION_ID,
  room: 'GENERAL',
  status,
  phase: 'everyone',
  agentName: status === 'waiting' ? null : agentName,
  lastSeq: 0,
  startedAt: 1,
  endedBy: status === 'ended' ? 'agent' : null,
});

const welcome = (open: VisitorConversationView | null) => ({
  type: 'welcome' as const,
  visitorId: 'visitor-000000000001',
  token: 'token-1',
  room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' as const },
  conversation: open,
});

const sentOf = (socket: FakeSocket, type: string) => socket.sent.filter((frame) => frame.type === type);

describe('the widget’s email forms', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('leaves a message when nobody is available: checked fields, a session asked for, then the answer in words', () => {
    const { socket } = renderChat(withEmail({ available: false }));
    expect(screen.getByText('No one is available to chat right now. Leave a message and we will answer by email.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(screen.getAllByText('Please fill in this field.')).toHaveLength(3);
    expect(socket.sent).toEqual([]);

    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Sam Rider' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'sam@example' } });
    fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Do you rent tandems?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(screen.getByText('Enter an email address like name@example.com.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'sam@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));

    // No session yet: hello first, then the message once welcomed.
    expect(socket.sent.map((frame) => frame.type)).toEqual(['hello']);
    expect((screen.getByRole('button', { name: 'Sending…' }) as HTMLButtonElement).disabled).toBe(true);
    socket.deliver(welcome(null));
    const [request] = sentOf(socket, 'leaveMessage');
    expect(request).toMatchObject({ name: 'Sam Rider', email: 'sam@example.com', message: 'Do you rent tandems?' });

    socket.deliver({ type: 'emailQueued', clientId: request!.clientId as string, request: 'message', to: 'sam@example.com' });
    expect(screen.getByText('Thank you, your message was sent. We will answer at sam@example.com.').getAttribute('role')).toBe('status');
  });

  it('says so when a limit is hit, and sends a request again after a reconnect under the same id', () => {
    vi.useFakeTimers();
    const { socket } = renderChat(withEmail({ available: false }));
    socket.deliver(welcome(null));
    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Sam' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'sam@example.com' } });
    fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    const [first] = sentOf(socket, 'leaveMessage');

    socket.close();
    vi.runOnlyPendingTimers();
    socket.open();
    socket.deliver(welcome(null));
    const again = sentOf(socket, 'leaveMessage');
    expect(again).toHaveLength(2);
    expect(again[1]).toEqual(first);

    socket.deliver({ type: 'error', code: 'EMAIL_RATE_LIMITED', message: 'try again in 40 minutes', ref: first!.clientId as string });
    expect(screen.getByRole('alert').textContent).toBe('Too many emails were asked for. Please try again later.');
    expect(screen.getByRole('button', { name: 'Send message' })).toBeTruthy();
    vi.useRealTimers();
  });

  it('offers the transcript at the end of a chat an agent took part in, to the welcome form’s address unless another is typed', () => {
    const { socket, controller } = renderChat(withEmail());
    controller.startConversation({ name: 'Dana', email: 'dana@example.com' });
    socket.deliver(welcome(conversation('ended')));
    fireEvent.click(screen.getByRole('button', { name: 'Email me the transcript' }));
    const field = screen.getByLabelText('Your email address') as HTMLInputElement;
    expect(field.value).toBe('dana@example.com');
    expect(document.activeElement).toBe(field);

    fireEvent.input(field, { target: { value: 'dana@work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Enter an email address like name@example.com.')).toBeTruthy();
    expect(sentOf(socket, 'emailTranscript')).toEqual([]);

    fireEvent.input(field, { target: { value: 'dana@work.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const [request] = sentOf(socket, 'emailTranscript');
    expect(request).toMatchObject({ conversationId: CONVERSATION_ID, email: 'dana@work.example' });
    socket.deliver({ type: 'emailQueued', clientId: request!.clientId as string, request: 'transcript', to: 'dana@work.example' });
    expect(screen.getByText('The transcript is on its way to dana@work.example.').getAttribute('role')).toBe('status');

    // A new chat starts without it.
    fireEvent.click(screen.getByRole('button', { name: 'Start a new chat' }));
    expect(controller.state.email).toEqual({});
  });

  it('offers no transcript when nobody answered, or when the room does not send them', () => {
    const unanswered = renderChat(withEmail());
    unanswered.socket.deliver(welcome(conversation('ended', null)));
    expect(screen.queryByRole('button', { name: 'Email me the transcript' })).toBeNull();
    cleanup();
    const noEmail = renderChat(withEmail({ email: { transcript: false, leaveMessage: false, alert: false } }));
    noEmail.socket.deliver(welcome(conversation('ended')));
    expect(screen.queryByRole('button', { name: 'Email me the transcript' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Start a new chat' })).toBeTruthy();
  });

  it('adds an alert while waiting; without an address the server’s refusal asks for one', () => {
    const { socket } = renderChat(withEmail());
    socket.deliver(welcome(conversation('waiting')));
    fireEvent.click(screen.getByRole('button', { name: 'Add alert' }));
    expect(screen.getByText('We will email you when someone is free to chat.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const [bare] = sentOf(socket, 'emailAlert');
    expect(bare).toEqual({ type: 'emailAlert', conversationId: CONVERSATION_ID, clientId: expect.any(String) });
    socket.deliver({ type: 'error', code: 'EMAIL_ADDRESS_INVALID', message: 'Which address?', ref: bare!.clientId as string });
    expect(screen.getByRole('alert').textContent).toBe('Enter an email address like name@example.com.');

    fireEvent.input(screen.getByLabelText('Your email address'), { target: { value: 'wendy@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const second = sentOf(socket, 'emailAlert')[1]!;
    socket.deliver({ type: 'emailQueued', clientId: second.clientId as string, request: 'alert', to: 'wendy@example.com' });
    expect(screen.getByText('We will email wendy@example.com when someone is free to chat.').getAttribute('role')).toBe('status');
  });
});
