import { describe, expect, it } from 'vitest';
import { dayReportCsv, localDayBounds } from './day-report.js';

describe('day report', () => {
  it("finds a local day's bounds in its time zone, 23 or 25 hours long across a change of offset", () => {
    expect(localDayBounds('2026-12-05', 'UTC')).toEqual({ from: Date.UTC(2026, 11, 5), to: Date.UTC(2026, 11, 6) });
    expect(localDayBounds('2026-12-05', 'Asia/Tokyo')).toEqual({ from: Date.UTC(2026, 11, 4, 15), to: Date.UTC(2026, 11, 5, 15) });
    const spring = localDayBounds('2026-03-29', 'Europe/Paris');
    expect(spring).toEqual({ from: Date.UTC(2026, 2, 28, 23), to: Date.UTC(2026, 2, 29, 22) });
    const autumn = localDayBounds('2026-10-25', 'Europe/Paris');
    expect(autumn.to - autumn.from).toBe(25 * 3600 * 1000);
  });

  it('quotes cells with commas or quotes, so a result code cannot shift the columns', () => {
    const csv = dayReportCsv({
      room: 'GENERAL',
      date: '2026-12-05',
      timeZone: 'UTC',
      chats: 1,
      answered: 1,
      missed: 0,
      medianWaitMs: 1500,
      p90WaitMs: 1500,
      medianFirstResponseMs: null,
      serviceLevelMetPercent: null,
      medianDurationMs: 60000,
      results: { '=HYPERLINK("x")': 1, 'a,b': 0, none: 0 },
    });
    expect(csv.split('\r\n')[0]).toBe(
      'date,room,chats,answered,missed,median_wait_s,p90_wait_s,median_first_response_s,sla_met_percent,median_duration_s,"result:=HYPERLINK(""x"")","result:a,b",result:none',
    );
    expect(csv.split('\r\n')[1]).toBe('2026-12-05,GENERAL,1,1,0,1.5,1.5,,,60.0,1,0,0');
  });
});
