import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TitleNotifier } from './title-notifier.js';

describe('title-bar notifications', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.title = 'Bikes – Acme';
  });
  afterEach(() => vi.useRealTimers());

  it('alternates the page title with the notice, and gives the page its own title back', () => {
    const notifier = new TitleNotifier();
    notifier.show('(1) New message');
    expect(document.title).toBe('(1) New message');
    vi.advanceTimersByTime(1500);
    expect(document.title).toBe('Bikes – Acme');
    vi.advanceTimersByTime(1500);
    expect(document.title).toBe('(1) New message');
    notifier.clear();
    expect(document.title).toBe('Bikes – Acme');
    vi.advanceTimersByTime(10_000);
    expect(document.title).toBe('Bikes – Acme');
  });

  it('keeps a title the page set meanwhile', () => {
    const notifier = new TitleNotifier();
    notifier.show('(1) New message');
    vi.advanceTimersByTime(1500);
    document.title = 'Checkout – Acme';
    vi.advanceTimersByTime(1500);
    expect(document.title).toBe('(1) New message');
    notifier.clear();
    expect(document.title).toBe('Checkout – Acme');
  });

  it('counts up without mistaking its own earlier notice for the page title', () => {
    const notifier = new TitleNotifier();
    notifier.show('(1) New message');
    notifier.show('(2) New messages');
    expect(document.title).toBe('(2) New messages');
    vi.advanceTimersByTime(1500);
    expect(document.title).toBe('Bikes – Acme');
    vi.advanceTimersByTime(1500);
    expect(document.title).toBe('(2) New messages');
    notifier.clear();
    expect(document.title).toBe('Bikes – Acme');
  });
});
