import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATION_ID, renderChat, roomSettings } from '../test-kit.js';

function chatting(settings = roomSettings()) {
  const chat = renderChat(settings);
  chat.socket.deliver({
    type: 'welcome',
    visitorId: 'visitor-000000000001',
    token: 'token-1',
    room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' },
    conversation: { id: CONVERSATION_ID, room: 'GENERAL', status: 'active', phase: 'everyone', agentName: 'Alice', lastSeq: 0, startedAt: 1, endedBy: null },
  });
  return chat;
}

describe('the message box', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('inserts an emoji from the lazily loaded picker at the cursor, and Escape returns to the box', async () => {
    chatting();
    const box = screen.getByLabelText<HTMLTextAreaElement>('Message');
    fireEvent.input(box, { target: { value: 'Thanks ' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    });
    await waitFor(() => screen.getByRole('button', { name: 'thumbs up' }));
    fireEvent.input(screen.getByLabelText('Search emoji'), { target: { value: 'thumbs' } });
    expect(screen.getAllByRole('button', { name: /^thumbs/ }).map((b) => b.getAttribute('aria-label'))).toEqual(['thumbs up', 'thumbs down']);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'thumbs up' }));
    });
    expect(box.value).toBe('Thanks 👍');
    act(() => {
      fireEvent.keyDown(screen.getByLabelText('Search emoji'), { key: 'Escape' });
    });
    expect(screen.queryByRole('dialog', { name: 'Insert emoji' })).toBeNull();
  });

  it('has no emoji button when the room turns emojis off, and no file button without visitor attachments', () => {
    const settings = roomSettings();
    chatting({ ...settings, features: { ...settings.features, emojis: false }, attachments: { ...settings.attachments, visitor: false } });
    expect(screen.queryByRole('button', { name: 'Insert emoji' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send message' })).toBeTruthy();
  });

  it('stops a file the room would refuse before sending it, and says why', () => {
    const settings = roomSettings();
    const { controller } = chatting({ ...settings, attachments: { ...settings.attachments, types: ['png', 'pdf'], maxBytes: 2048 } });
    act(() => {
      controller.uploads.send(new File([new Uint8Array(4096)], 'scan.pdf', { type: 'application/pdf' }));
      controller.uploads.send(new File(['<svg/>'], 'cat.svg', { type: 'image/svg+xml' }));
    });
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts[0]).toContain('scan.pdf is too large: files may be at most 2 KB.');
    expect(alerts[1]).toContain('cat.svg cannot be sent: only PNG, PDF files are accepted.');
    act(() => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]!);
    });
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('tells the agent what the visitor types, or only that they type when the room hides previews', () => {
    const { socket, controller } = chatting();
    act(() => controller.draftChanged('Hello th'));
    expect(socket.sent.at(-1)).toEqual({ type: 'typing', conversationId: CONVERSATION_ID, active: true, draft: 'Hello th' });
    act(() => controller.draftChanged(''));
    expect(socket.sent.at(-1)).toEqual({ type: 'typing', conversationId: CONVERSATION_ID, active: false });
    cleanup();
    localStorage.clear();
    const settings = roomSettings();
    const hidden = chatting({ ...settings, features: { ...settings.features, typingPreview: false } });
    act(() => hidden.controller.draftChanged('secret draft'));
    expect(hidden.socket.sent.at(-1)).toEqual({ type: 'typing', conversationId: CONVERSATION_ID, active: true });
    expect(JSON.stringify(hidden.socket.sent)).not.toContain('secret');
  });
});
