import { describe, expect, it } from 'vitest';
import { FrameThrottle } from './frame-throttle.js';

describe('frame throttle', () => {
  it('lets a burst through, then one frame per interval, and a held frame is not charged twice', () => {
    const throttle = new FrameThrottle(10, 3, 0);
    expect([throttle.take(0), throttle.take(0), throttle.take(0)]).toEqual([0, 0, 0]);
    expect(throttle.take(0)).toBe(100);
    expect(throttle.take(50)).toBe(50);
    expect(throttle.take(100)).toBe(0);
    expect(throttle.take(100)).toBe(100);
    expect(throttle.take(1000)).toBe(0);
  });

  it('never holds more than the burst, however long the connection was quiet', () => {
    const throttle = new FrameThrottle(10, 2, 0);
    const waits = [0, 0, 0].map(() => throttle.take(3_600_000));
    expect(waits).toEqual([0, 0, 100]);
  });
});
