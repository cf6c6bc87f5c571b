import { AvailabilityConfig } from '@parley/shared/settings';
import { describe, expect, it } from 'vitest';
import { isAvailable } from './availability-rules.js';
import { LocalClock } from './local-time.js';

const clock = new LocalClock();
const rules = (input: unknown) => AvailabilityConfig.parse(input);
const staffed = { readyAgents: 1, waitingVisitors: 0 };

describe('availability rules', () => {
  it('reads opening hours on the room’s wall clock, daylight saving included', () => {
    const officeHours = rules({ rules: [{ type: 'hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] });
    // Monday 5 January 2026: Paris is UTC+1. Monday 6 July 2026: UTC+2.
    expect(isAvailable(officeHours, staffed, clock.at(Date.UTC(2026, 0, 5, 7, 59), 'Europe/Paris'))).toBe(false);
    expect(isAvailable(officeHours, staffed, clock.at(Date.UTC(2026, 0, 5, 8, 0), 'Europe/Paris'))).toBe(true);
    expect(isAvailable(officeHours, staffed, clock.at(Date.UTC(2026, 6, 6, 7, 0), 'Europe/Paris'))).toBe(true);
    expect(isAvailable(officeHours, staffed, clock.at(Date.UTC(2026, 6, 6, 15, 0), 'Europe/Paris'))).toBe(false);
    // The same instant is still Sunday evening in New York.
    expect(isAvailable(officeHours, staffed, clock.at(Date.UTC(2026, 0, 5, 3, 0), 'America/New_York'))).toBe(false);
  });

  it('lets a range run past midnight into the next day', () => {
    const nights = rules({ rules: [{ type: 'hours', days: ['fri'], from: '22:00', to: '06:00' }] });
    const at = (day: number, hour: number) => clock.at(Date.UTC(2026, 0, day, hour, 0), 'UTC');
    expect(isAvailable(nights, staffed, at(9, 23))).toBe(true); // Friday night
    expect(isAvailable(nights, staffed, at(10, 5))).toBe(true); // Saturday early morning
    expect(isAvailable(nights, staffed, at(10, 23))).toBe(false); // Saturday night is not listed
    expect(isAvailable(nights, staffed, at(9, 5))).toBe(false); // Friday early morning belongs to Thursday
  });

  it('counts ready agents and waiting visitors, combined with all or any', () => {
    const both = {
      match: 'all',
      rules: [
        { type: 'readyAgents', atLeast: 1 },
        { type: 'waitingVisitors', atMost: 2 },
      ],
    };
    const time = clock.at(0, 'UTC');
    expect(isAvailable(rules(both), { readyAgents: 1, waitingVisitors: 2 }, time)).toBe(true);
    expect(isAvailable(rules(both), { readyAgents: 0, waitingVisitors: 0 }, time)).toBe(false);
    expect(isAvailable(rules(both), { readyAgents: 3, waitingVisitors: 3 }, time)).toBe(false);
    expect(isAvailable(rules({ ...both, match: 'any' }), { readyAgents: 0, waitingVisitors: 0 }, time)).toBe(true);
    expect(isAvailable(rules({ ...both, match: 'any' }), { readyAgents: 0, waitingVisitors: 5 }, time)).toBe(false);
  });

  it('is always available without rules', () => {
    expect(isAvailable(rules({}), { readyAgents: 0, waitingVisitors: 1000 }, clock.at(0, 'UTC'))).toBe(true);
  });
});
