import type { ClientStatuses } from '@parley/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Capacity } from '../state/capacity.js';
import { PresenceControl } from './presence-control.js';

const roomy: Capacity = { held: 0, full: false, own: null, rooms: [{ room: 'GENERAL', label: 'General', held: 0, limit: 2 }] };
const full: Capacity = { held: 2, full: true, own: null, rooms: [{ room: 'GENERAL', label: 'General', held: 2, limit: 2 }] };

function show(statuses: ClientStatuses, options: { capacity?: Capacity; connected?: boolean; client?: 'browser' | 'mobile' } = {}) {
  const onSetStatus = vi.fn();
  render(
    <PresenceControl
      client={options.client ?? 'browser'}
      statuses={statuses}
      capacity={options.capacity ?? roomy}
      connected={options.connected ?? true}
      onSetStatus={onSetStatus}
    />,
  );
  const ready = screen.getByRole('button', { name: 'Ready' }) as HTMLButtonElement;
  const rest = screen.getByRole('button', { name: 'Break' }) as HTMLButtonElement;
  return { onSetStatus, ready, rest, text: () => document.body.textContent ?? '' };
}

describe('the presence control', () => {
  afterEach(cleanup);

  it('sets ready and break, and shows which one the server holds', () => {
    const { onSetStatus, ready, rest, text } = show({ browser: 'TAKING_BREAK', mobile: null });
    expect(text()).toContain('On a break');
    // The server's code is for machines: kept on the element, never shown beside the label.
    expect(text()).not.toContain('TAKING_BREAK');
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('TAKING_BREAK');
    expect(text()).toContain('Choose Ready when you are back.');
    expect(rest.getAttribute('aria-pressed')).toBe('true');
    expect(ready.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(ready);
    expect(onSetStatus).toHaveBeenCalledWith('WAITING_NEW_CALL');
    fireEvent.click(rest);
    expect(onSetStatus).toHaveBeenLastCalledWith('TAKING_BREAK');
  });

  it('shows the statuses a chat ending leaves, and that Ready is what brings chats again', () => {
    const { ready, rest, text } = show({ browser: 'REMOTE_CUSTOMER_HANGUP', mobile: null });
    expect(text()).toContain('The visitor ended the chat');
    expect(text()).not.toContain('REMOTE_CUSTOMER_HANGUP');
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('REMOTE_CUSTOMER_HANGUP');
    expect(text()).toContain('No new chats are offered until you choose Ready.');
    expect([ready.getAttribute('aria-pressed'), rest.getAttribute('aria-pressed')]).toEqual(['false', 'false']);
    expect(ready.disabled).toBe(false);
    cleanup();
    expect(show({ browser: 'HANG_UP', mobile: null }).text()).toContain('You ended the chat');
  });

  it('at capacity, Ready waits and says why; below it, serving agents may take more', () => {
    const atCapacity = show({ browser: 'SERVING_CUSTOMER', mobile: null }, { capacity: full });
    expect(atCapacity.ready.disabled).toBe(true);
    expect(atCapacity.text()).toContain('You have as many chats as you can take (2 of 2 chats). End one to take another.');
    expect(atCapacity.ready.getAttribute('aria-describedby')).toBe('presence-explain');
    cleanup();
    const withRoom = show(
      { browser: 'SERVING_CUSTOMER', mobile: null },
      { capacity: { ...roomy, held: 1, rooms: [{ room: 'GENERAL', label: 'General', held: 1, limit: 2 }] } },
    );
    expect(withRoom.ready.disabled).toBe(false);
    expect(withRoom.text()).toContain('Choose Ready to take more (1 of 2 chats).');
    cleanup();
    // Several rooms: one short phrase, the rooms' detail in the tooltip (a sentence per room grew with them).
    const rooms = [
      { room: 'GENERAL', label: 'General', held: 1, limit: 1 },
      { room: 'SALES', label: 'Sales', held: 0, limit: 2 },
      { room: 'RETURNS', label: 'Returns', held: 0, limit: 1 },
    ];
    const many = show({ browser: 'SERVING_CUSTOMER', mobile: null }, { capacity: { held: 1, full: false, own: null, rooms } });
    expect(many.text()).toContain('Choose Ready to take more (1 of 4 chats).');
    expect(many.text()).not.toContain('Sales');
    expect(document.querySelector('.capacity')?.getAttribute('title')).toBe('General: 1 of 1\nSales: 0 of 2\nReturns: 0 of 1');
  });

  it('names its own client and shows the other one’s status; while disconnected nothing can be chosen', () => {
    const { ready, rest, text } = show({ browser: 'WAITING_NEW_CALL', mobile: 'TAKING_BREAK' }, { client: 'mobile', connected: false });
    expect(text()).toContain('Status on mobile:');
    expect(text()).toContain('On browser: Ready');
    expect(ready.disabled && rest.disabled).toBe(true);
  });
});
