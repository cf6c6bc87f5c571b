import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyFrame } from '../state/apply-frame.js';
import { initialState } from '../state/console-state.js';
import { EmailAlertToggle } from './email-alert-toggle.js';

describe('the email alert setting', () => {
  afterEach(cleanup);

  it('comes from the server after welcome, with whether it is offered at all', () => {
    const state = applyFrame(initialState('browser'), { type: 'preferences', emailAlerts: true, emailAlertsAvailable: true });
    expect(state.preferences).toEqual({ emailAlerts: true, emailAlertsAvailable: true });
  });

  it('asks the server for the change and shows what the server holds until it confirms', () => {
    const onChange = vi.fn();
    const { rerender } = render(<EmailAlertToggle enabled={false} connected onChange={onChange} />);
    const box = screen.getByRole('checkbox', { name: 'Email me when a visitor asks for an alert' }) as HTMLInputElement;
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
    expect(box.checked).toBe(false);
    rerender(<EmailAlertToggle enabled connected onChange={onChange} />);
    expect(box.checked).toBe(true);
    rerender(<EmailAlertToggle enabled connected={false} onChange={onChange} />);
    expect(box.disabled).toBe(true);
  });
});
