import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedOptions } from './embed-options.js';
import { afterPageTime, openOncePerVisit } from './page-timers.js';
import { connectedPage } from './test-kit.js';
import { showWhisper } from './whisper.js';

describe('the embed code’s options', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('reads position, auto-open and whisper from data- attributes, and ignores what it cannot use', () => {
    expect(embedOptions({ position: 'left', openAfter: '10', whisper: '  Need help?  ', whisperAfter: '5' })).toEqual({
      position: 'left',
      openAfterMs: 10_000,
      whisper: 'Need help?',
      whisperAfterMs: 5_000,
    });
    expect(embedOptions({ position: 'top', openAfter: 'soon', whisper: '   ', whisperAfter: '-3' })).toEqual({
      position: null,
      openAfterMs: null,
      whisper: null,
      whisperAfterMs: 15_000,
    });
    expect(embedOptions({ whisper: 'x'.repeat(500) }).whisper).toHaveLength(140);
  });

  it('shows the whisper beside the launcher: a click opens the chat, the cross puts it away for the visit', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const { controller } = connectedPage();
    showWhisper(root, controller, 'Questions? We are here.', 'Close');
    const bubble = root.querySelector('.whisper')!;
    expect(bubble.getAttribute('role')).toBe('status');
    expect(bubble.textContent).toContain('Questions? We are here.');
    (root.querySelector('.whisper-text') as HTMLButtonElement).click();
    expect(controller.state.open).toBe(true);
    expect(root.querySelector('.whisper')).toBeNull();

    controller.setOpen(false);
    showWhisper(root, controller, 'Questions?', 'Close');
    (root.querySelector('.whisper-close') as HTMLButtonElement).click();
    showWhisper(root, controller, 'Questions?', 'Close');
    expect(root.querySelector('.whisper')).toBeNull();
  });

  it('opens the chat by itself once a visit, counting from when the page started', () => {
    vi.useFakeTimers();
    vi.spyOn(performance, 'now').mockReturnValue(3_000);
    const { controller } = connectedPage();
    afterPageTime(10_000, () => openOncePerVisit(controller));
    vi.advanceTimersByTime(6_999);
    expect(controller.state.open).toBe(false);
    vi.advanceTimersByTime(1);
    expect(controller.state.open).toBe(true);
    controller.setOpen(false);
    openOncePerVisit(controller);
    expect(controller.state.open).toBe(false);
  });
});
