/** Samples a room keeps per day at most, for its medians (a busy room's day is well within). */
const SAMPLES_KEPT = 20_000;

type Day = { date: string; chats: number; waits: number[]; firstResponses: number[] };

export type TodayFigures = {
  /** Conversations started today (in the room's time zone). */
  chats: number;
  /** Median time from start to an agent's accept, of chats accepted today; null before the first. */
  medianWaitMs: number | null;
  /** Median time from accept to the agent's first message, of chats answered today; null before the first. */
  medianFirstResponseMs: number | null;
};

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * What a supervisor sees of a room's day: chats started, how long visitors waited, how soon
 * agents answered. Counted as things happen, by the room's local date; kept in memory (a restart
 * starts the day's figures afresh).
 */
export class DayFigures {
  private readonly rooms = new Map<string, Day>();
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  constructor(private readonly timeZoneOf: (room: string) => string) {}

  started(room: string, at: number): void {
    this.day(room, at).chats++;
  }

  accepted(room: string, createdAt: number, acceptedAt: number): void {
    this.sample(this.day(room, acceptedAt).waits, acceptedAt - createdAt);
  }

  answered(room: string, acceptedAt: number, at: number): void {
    this.sample(this.day(room, at).firstResponses, at - acceptedAt);
  }

  today(room: string, now: number): TodayFigures {
    const day = this.day(room, now);
    return { chats: day.chats, medianWaitMs: median(day.waits), medianFirstResponseMs: median(day.firstResponses) };
  }

  private sample(list: number[], value: number): void {
    if (list.length < SAMPLES_KEPT) list.push(Math.max(0, value));
  }

  /** The room's figures for the local date of `at`; a new date starts them afresh. */
  private day(room: string, at: number): Day {
    const date = this.dateIn(room, at);
    let day = this.rooms.get(room);
    if (day?.date !== date) {
      day = { date, chats: 0, waits: [], firstResponses: [] };
      this.rooms.set(room, day);
    }
    return day;
  }

  private dateIn(room: string, at: number): string {
    const zone = this.timeZoneOf(room);
    let format = this.formats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      this.formats.set(zone, format);
    }
    return format.format(at);
  }
}
