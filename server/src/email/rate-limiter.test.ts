import { describe, expect, it } from 'vitest';
import { FakeClock } from '../core/fake-clock.js';
import { EmailRateLimiter } from './rate-limiter.js';

describe('the email rate limiter', () => {
  it('lets a key have its limit in any hour, and says how long until the next one', () => {
    const clock = new FakeClock();
    const limiter = new EmailRateLimiter(clock);
    for (let i = 0; i < 3; i++) {
      expect(limiter.waitFor('address:a@example.com', 3)).toBe(0);
      limiter.count(['address:a@example.com']);
      clock.advance(10 * 60_000);
    }
    expect(limiter.waitFor('address:a@example.com', 3)).toBe(30 * 60_000);
    expect(limiter.waitFor('address:b@example.com', 3)).toBe(0);
    clock.advance(30 * 60_000);
    expect(limiter.waitFor('address:a@example.com', 3)).toBe(0);
  });
});
