import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatTab } from '../state/console-state.js';
import { chat } from '../test-support/fixtures.js';
import { ChatTabs } from './chat-tabs.js';

/** The tabs as the workspace uses them: selecting changes the selection. */
function Harness({ chats, initial }: { chats: ChatTab[]; initial: string }) {
  const [selected, setSelected] = useState(initial);
  return <ChatTabs chats={chats} selected={selected} now={0} onSelect={setSelected} />;
}

describe('the chat tabs', () => {
  afterEach(cleanup);

  it('has one tab per chat, the selected one marked, with unread counts that are read out', () => {
    const dana = chat({ name: 'Dana' });
    const eve = chat({ name: 'Eve', unread: 3 });
    const ended = chat({ name: 'Fay', status: 'ended' });
    render(<ChatTabs chats={[dana, eve, ended]} selected={dana.conversation.id} now={0} onSelect={() => {}} />);
    const tabs = screen.getAllByRole('tab');
    expect(['Dana', 'Eve 3 unread', 'Fay (ended)'].map((name) => screen.getByRole('tab', { name }))).toEqual(tabs);
    expect(tabs.map((t) => t.querySelector('.avatar')?.textContent)).toEqual(['D', 'E', 'F']);
    expect(tabs[1]!.querySelector('.unread')?.getAttribute('data-unread')).toBe('3');
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    expect(screen.getByRole('tab', { name: 'Eve 3 unread' })).toBeTruthy();
    expect(screen.getByRole('tablist', { name: 'Your chats' })).toBeTruthy();
    // One tab stop: the selected tab.
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(tabs[0]!.getAttribute('aria-controls')).toBe(`chat-panel-${dana.conversation.id}`);
  });

  it('shows the last line said and how long the visitor has waited for an answer', () => {
    const waiting = chat({ name: 'Dana' });
    waiting.messages = [{ seq: 1, clientId: 'v1', at: 10_000, kind: 'text', from: 'visitor', text: 'Where is my order?' }];
    const answered = chat({ name: 'Eve' });
    answered.messages = [{ seq: 1, clientId: 'a1', at: 10_000, kind: 'text', from: 'agent', name: 'Alice', text: 'On its way.' }];
    render(<ChatTabs chats={[waiting, answered]} selected={null} now={190_000} onSelect={() => {}} />);
    const [dana, eve] = screen.getAllByRole('tab');
    expect(dana!.querySelector('.chat-tab-preview')?.textContent).toBe('Where is my order?');
    expect(dana!.querySelector('.chat-tab-time')?.textContent?.trim()).toBe('waiting 3 min');
    // Read out with the name; the last line is not (it is in the chat).
    expect(screen.getByRole('tab', { name: 'Dana waiting 3 min' })).toBe(dana);
    expect(eve!.querySelector('.chat-tab-preview')?.textContent).toBe('You: On its way.');
  });

  it('selects a tab on click', () => {
    const dana = chat({ name: 'Dana' });
    const eve = chat({ name: 'Eve', unread: 1 });
    const onSelect = vi.fn();
    render(<ChatTabs chats={[dana, eve]} selected={dana.conversation.id} now={0} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('tab', { name: /Eve/ }));
    expect(onSelect).toHaveBeenCalledWith(eve.conversation.id);
  });

  it('moves with the arrow keys, Home and End, wrapping around, and takes focus along', () => {
    const chats = [chat({ name: 'Dana' }), chat({ name: 'Eve' }), chat({ name: 'Fay' })];
    render(<Harness chats={chats} initial={chats[0]!.conversation.id} />);
    const selectedName = () =>
      screen
        .getAllByRole('tab')
        .find((t) => t.getAttribute('aria-selected') === 'true')
        ?.querySelector('.chat-tab-name')?.textContent;
    const list = screen.getByRole('tablist');
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(selectedName()).toBe('Eve');
    expect(document.activeElement?.querySelector('.chat-tab-name')?.textContent).toBe('Eve');
    fireEvent.keyDown(list, { key: 'End' });
    expect(selectedName()).toBe('Fay');
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(selectedName()).toBe('Dana');
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    expect(selectedName()).toBe('Fay');
    fireEvent.keyDown(list, { key: 'Home' });
    expect(selectedName()).toBe('Dana');
    // A vertical list: up and down move too.
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(selectedName()).toBe('Eve');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(selectedName()).toBe('Dana');
  });

  it('names visitors with markup as text', () => {
    const { container } = render(<ChatTabs chats={[chat({ name: '<b onmouseover=alert(1)>Bo</b>' })]} selected={null} now={0} onSelect={() => {}} />);
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('tab').querySelector('.chat-tab-name')?.textContent).toBe('<b onmouseover=alert(1)>Bo</b>');
  });
});
