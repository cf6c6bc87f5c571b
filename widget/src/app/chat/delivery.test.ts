import type { VisitorConversationView } from '@parley/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONVERSATION_ID, FakeSocket, connectedPage as page, roomSettings } from '../test-kit.js';
import { ChatController } from './chat-controller.js';

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
const welcome = (lastSeqOnServer: number) => ({
  type: 'welcome' as const,
  visitorId: 'visitor-000000000001',
  token: 'token-1',
  room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' as const },
  conversation: { ...conversation, lastSeq: lastSeqOnServer },
});

describe('delivery in the widget', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a message typed before a reload and sends it again with the same id; it shows once', () => {
    const first = page();
    first.socket.deliver(welcome(1));
    first.socket.deliver({
      type: 'history',
      conversationId: CONVERSATION_ID,
      messages: [{ seq: 1, clientId: 'sys:1', at: 1, kind: 'event', event: 'agent-joined', name: 'Alice' }],
      more: false,
    });
    first.controller.sendText('Are you there?');
    const original = first.socket.sent.find((frame) => frame.type === 'message')!;

    // The page reloads before the acknowledgement arrives (the server had stored it as seq 2).
    const second = page();
    expect(second.socket.sent[0]).toMatchObject({ type: 'hello', token: 'token-1' });
    expect(second.controller.state.pending.map((p) => p.text)).toEqual(['Are you there?']);
    second.socket.deliver(welcome(2));
    expect(second.socket.sent.filter((frame) => frame.type === 'message')).toEqual([original]);
    expect(second.socket.sent.find((frame) => frame.type === 'sync')).toMatchObject({ afterSeq: 0 });
    second.socket.deliver({
      type: 'history',
      conversationId: CONVERSATION_ID,
      messages: [
        { seq: 1, clientId: 'sys:1', at: 1, kind: 'event', event: 'agent-joined', name: 'Alice' },
        { seq: 2, clientId: original.clientId as string, at: 2, kind: 'text', from: 'visitor', text: 'Are you there?' },
      ],
      more: false,
    });
    second.socket.deliver({ type: 'ack', conversationId: CONVERSATION_ID, clientId: original.clientId as string, seq: 2, at: 2 });
    expect(second.controller.state.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(second.controller.state.pending).toEqual([]);
    expect(localStorage.getItem('parley:chat.test:GENERAL:outbox')).toBeNull();
  });

  it('after a dropped connection, reconnects and asks only for what it has not seen', () => {
    vi.useFakeTimers();
    const { socket, controller } = page();
    socket.deliver(welcome(1));
    socket.deliver({
      type: 'history',
      conversationId: CONVERSATION_ID,
      messages: [{ seq: 1, clientId: 'sys:1', at: 1, kind: 'event', event: 'agent-joined', name: 'Alice' }],
      more: false,
    });
    socket.sent.length = 0;
    socket.close();
    expect(controller.state.connection).toBe('retrying');
    vi.advanceTimersByTime(249);
    expect(controller.state.connection).toBe('retrying');
    vi.advanceTimersByTime(251); // the first retry comes between a quarter and half a second
    expect(controller.state.connection).toBe('connecting');
    socket.open();
    expect(socket.sent[0]).toMatchObject({ type: 'hello', token: 'token-1' });
    socket.deliver(welcome(3));
    expect(socket.sent.find((frame) => frame.type === 'sync')).toMatchObject({ afterSeq: 1 });
    vi.useRealTimers();
  });

  it('reads a long history page by page without skipping one when a live message lands between two pages', () => {
    const { socket, controller } = page();
    const text = (seq: number) => ({ seq, clientId: `m-${seq}`, at: seq, kind: 'text' as const, from: 'agent' as const, text: `message ${seq}` });
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => text(from + i));
    const syncs = () => socket.sent.filter((frame) => frame.type === 'sync').map((frame) => frame.afterSeq);
    socket.deliver(welcome(450));
    expect(syncs()).toEqual([0]);
    // The agent writes while the first page is on its way: the live message arrives first.
    socket.deliver({ type: 'message', conversationId: CONVERSATION_ID, message: text(451) });
    socket.deliver({ type: 'history', conversationId: CONVERSATION_ID, messages: range(1, 200), more: true });
    expect(syncs()).toEqual([0, 200]);
    socket.deliver({ type: 'history', conversationId: CONVERSATION_ID, messages: range(201, 400), more: true });
    socket.deliver({ type: 'history', conversationId: CONVERSATION_ID, messages: range(401, 451), more: false });
    expect(syncs()).toEqual([0, 200, 400]);
    expect(controller.state.messages.map((m) => m.seq)).toEqual(range(1, 451).map((m) => m.seq));
  });

  it('drops its socket when the browser goes offline, and reconnects the moment it is back', () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const controller = new ChatController({
      base: 'https://chat.test/',
      room: 'GENERAL',
      settings: roomSettings(),
      notify: () => undefined,
      openSocket: () => sockets[sockets.push(new FakeSocket()) - 1]!,
      pageVisible: () => true,
    });
    controller.start();
    sockets[0]!.open();
    sockets[0]!.deliver(welcome(1));
    dispatchEvent(new Event('offline'));
    // The client core's name for "dropped because the browser is offline; back the moment it is online".
    expect(controller.state.connection).toBe('offline');
    controller.sendText('typed while offline');
    expect(controller.state.pending.map((p) => p.text)).toEqual(['typed while offline']);
    dispatchEvent(new Event('online'));
    expect(controller.state.connection).toBe('connecting');
    sockets[1]!.open();
    sockets[1]!.deliver(welcome(1));
    expect(sockets[1]!.sent.filter((frame) => frame.type === 'message').map((frame) => frame.text)).toEqual(['typed while offline']);
    vi.useRealTimers();
  });

  it('does not say hello for a page that only shows the launcher, until the visitor starts', () => {
    const { socket, controller } = page();
    socket.deliver({ type: 'availability', available: false });
    expect(socket.sent).toEqual([]);
    expect(controller.state.available).toBe(false);
    controller.startConversation({ name: 'Dana' });
    expect(socket.sent[0]).toMatchObject({ type: 'hello' });
    expect(socket.sent[0]).not.toHaveProperty('token');
    socket.deliver({ ...welcome(0), conversation: null });
    expect(socket.sent[1]).toMatchObject({ type: 'start', form: { name: 'Dana' } });
    expect(localStorage.getItem('parley:chat.test:token')).toBe('token-1');
  });
});
