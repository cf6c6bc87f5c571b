import type { VisitorConversationView } from '@parley/shared';
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATION_ID, renderChat, roomSettings } from '../test-kit.js';

const active: VisitorConversationView = {
  id: CONVERSATION_ID,
  room: 'GENERAL',
  status: 'active',
  phase: 'everyone',
  agentName: 'Alice',
  lastSeq: 0,
  startedAt: 1,
  endedBy: null,
};

describe('the chat menu', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('asks once more before ending the chat, and forgets the question when the menu closes', () => {
    const { socket } = renderChat(roomSettings());
    socket.deliver({
      type: 'welcome',
      visitorId: 'visitor-000000000001',
      token: 'token-1',
      room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' },
      conversation: active,
    });
    const ends = () => socket.sent.filter((frame) => frame.type === 'end');
    const menu = screen.getByRole('button', { name: 'Chat menu' });

    act(() => void fireEvent.click(menu));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'End chat' })));
    expect(ends()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Yes, end the chat' })).toBeTruthy();

    // Closed and opened again: the first press only asks again.
    act(() => void fireEvent.click(menu));
    act(() => void fireEvent.click(menu));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'End chat' })));
    expect(ends()).toEqual([]);
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Yes, end the chat' })));
    expect(ends()).toEqual([{ type: 'end', conversationId: CONVERSATION_ID }]);
  });
});
