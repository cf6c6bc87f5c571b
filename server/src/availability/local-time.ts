import { WEEK_DAYS, type WeekDay } from '@parley/shared/settings';

/** A moment as a room's wall clock shows it: the day of the week and minutes since midnight. */
export type LocalTime = { day: WeekDay; minutes: number };

const SHORT_DAYS: Record<string, WeekDay> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/**
 * Reads wall-clock times in IANA time zones (daylight saving included), with one formatter per
 * zone: building an Intl.DateTimeFormat costs far more than using one.
 */
export class LocalClock {
  private readonly formatters = new Map<string, Intl.DateTimeFormat>();

  at(epochMs: number, timeZone: string): LocalTime {
    let formatter = this.formatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      this.formatters.set(timeZone, formatter);
    }
    let day: WeekDay = 'mon';
    let hour = 0;
    let minute = 0;
    for (const part of formatter.formatToParts(epochMs)) {
      if (part.type === 'weekday') day = SHORT_DAYS[part.value] ?? day;
      else if (part.type === 'hour') hour = Number(part.value);
      else if (part.type === 'minute') minute = Number(part.value);
    }
    return { day, minutes: hour * 60 + minute };
  }
}

export function previousDay(day: WeekDay): WeekDay {
  return WEEK_DAYS[(WEEK_DAYS.indexOf(day) + 6) % 7]!;
}

/** `HH:MM` to minutes since midnight (`24:00` is 1440). */
export function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}
