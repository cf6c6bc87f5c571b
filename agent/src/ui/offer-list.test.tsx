import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GENERAL, offer } from '../test-support/fixtures.js';
import { OfferList } from './offer-list.js';

const NOW = 1_000_000 + 3 * 60_000;

describe('the offer list', () => {
  afterEach(cleanup);

  it('shows who waits, for how long, from which room and page, with their welcome-form answers', () => {
    const waiting = offer({ name: 'Dana', form: { name: 'Dana', email: 'dana@example.com', order_number: 'A-1042', newsletter: true } });
    render(
      <OfferList
        offers={[waiting]}
        rooms={[GENERAL]}
        past={{ [waiting.conversationId]: { conversations: [], total: 2 } }}
        now={NOW}
        canAccept
        onAccept={() => {}}
      />,
    );
    const card = within(screen.getByRole('listitem'));
    expect(card.getByRole('heading', { name: 'Dana' })).toBeTruthy();
    const text = screen.getByRole('listitem').textContent ?? '';
    for (const shown of [
      'General questions',
      'waiting 3 min',
      '2 earlier chats',
      'Pricing',
      'https://shop.test/pricing',
      'dana@example.com',
      'Order number',
      'A-1042',
      'Newsletter',
      'Yes',
    ]) {
      expect(text).toContain(shown);
    }
    expect(screen.getByRole('heading', { name: 'Incoming chats (1)' })).toBeTruthy();
  });

  it('accepts the chat that was clicked', () => {
    const first = offer({ name: 'Dana' });
    const second = offer({ name: 'Eve', waitingSince: 1_000_500 });
    const onAccept = vi.fn();
    render(<OfferList offers={[first, second]} rooms={[GENERAL]} past={{}} now={NOW} canAccept onAccept={onAccept} />);
    fireEvent.click(screen.getByRole('button', { name: 'Accept chat with Eve' }));
    expect(onAccept).toHaveBeenCalledWith(second.conversationId);
    expect(screen.getByRole('button', { name: 'Accept chat with Dana' }).getAttribute('aria-keyshortcuts')).toBe('Alt+A');
  });

  it('drops an offer the moment it is no longer offered', () => {
    const first = offer({ name: 'Dana' });
    const second = offer({ name: 'Eve' });
    const props = { rooms: [GENERAL], past: {}, now: NOW, canAccept: true, onAccept: () => {} };
    const { rerender } = render(<OfferList offers={[first, second]} {...props} />);
    rerender(<OfferList offers={[second]} {...props} />);
    expect(screen.queryByRole('button', { name: 'Accept chat with Dana' })).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    rerender(<OfferList offers={[]} {...props} />);
    expect(screen.getByText('No chat is waiting for you.')).toBeTruthy();
  });

  it('shows a visitor’s markup as text, and waits with Accept while disconnected', () => {
    const hostile = offer({
      name: '<img src=x onerror=alert(1)>',
      form: { name: '<img src=x onerror=alert(1)>', '<b>q</b>': '<script>alert(2)</script>' },
      context: { title: '</title><i>t</i>', url: 'javascript:alert(3)' },
    });
    const { container } = render(<OfferList offers={[hostile]} rooms={[GENERAL]} past={{}} now={NOW} canAccept={false} onAccept={() => {}} />);
    expect(container.querySelector('img, script, b, i')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    const text = container.textContent ?? '';
    for (const shown of ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '</title><i>t</i>', 'javascript:alert(3)']) expect(text).toContain(shown);
    expect((screen.getByRole('button', { name: /^Accept chat with/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
