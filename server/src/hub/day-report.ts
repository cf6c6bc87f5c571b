import type { ConversationRecord } from '../store/store.js';

/** A room's day, as reports show it: computed from the stored conversations, so a restart changes nothing. */
export type DayReport = {
  room: string;
  /** The room's local date, YYYY-MM-DD. */
  date: string;
  timeZone: string;
  /** Conversations that ended that day (a chat across midnight counts on the day it ended). */
  chats: number;
  /** Taken by an agent. */
  answered: number;
  /** Left (or ended) before any agent took them. */
  missed: number;
  /** From start to an agent's accept, of answered chats: median and 90th percentile. */
  medianWaitMs: number | null;
  p90WaitMs: number | null;
  /** From accept to the agent's first message. */
  medianFirstResponseMs: number | null;
  /** Of answered chats that had a response target: the share (0–100, one decimal) whose every answer came in time. */
  serviceLevelMetPercent: number | null;
  /** From accept to the end. */
  medianDurationMs: number | null;
  /** Chats by result code (`none`: no code given). */
  results: Record<string, number>;
};

function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** The UTC instants a local date starts and ends at in a time zone (a day may be 23 or 25 hours long). */
export function localDayBounds(date: string, timeZone: string): { from: number; to: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const startOf = (y: number, m: number, d: number) => {
    const guess = Date.UTC(y, m - 1, d);
    // The zone's offset at that instant, read back from how the zone writes it; twice, across a change of offset.
    let at = guess;
    for (let i = 0; i < 2; i++) at = guess - offsetAt(at, timeZone);
    return at;
  };
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { from: startOf(year, month, day), to: startOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()) };
}

function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

export function dayReport(room: string, date: string, timeZone: string, records: readonly ConversationRecord[], codes: readonly string[]): DayReport {
  const answered = records.filter((record) => record.acceptedAt !== null);
  const waits = answered.map((record) => record.acceptedAt! - record.createdAt);
  const firstResponses = answered.filter((record) => record.firstResponseAt != null).map((record) => record.firstResponseAt! - record.acceptedAt!);
  const targeted = answered.filter((record) => record.serviceLevel !== undefined);
  const met = targeted.filter((record) => record.serviceLevel === 'met').length;
  const durations = answered.map((record) => (record.endedAt ?? record.acceptedAt!) - record.acceptedAt!);
  const results: Record<string, number> = Object.fromEntries([...codes, 'none'].map((code) => [code, 0]));
  for (const record of answered) {
    const code = record.disposition?.code ?? 'none';
    results[code] = (results[code] ?? 0) + 1;
  }
  return {
    room,
    date,
    timeZone,
    chats: records.length,
    answered: answered.length,
    missed: records.length - answered.length,
    medianWaitMs: percentile(waits, 0.5),
    p90WaitMs: percentile(waits, 0.9),
    medianFirstResponseMs: percentile(firstResponses, 0.5),
    serviceLevelMetPercent: targeted.length === 0 ? null : Math.round((met / targeted.length) * 1000) / 10,
    medianDurationMs: percentile(durations, 0.5),
    results,
  };
}

/** The report as CSV: a header and one line, seconds for times, a column per result code. */
export function dayReportCsv(report: DayReport): string {
  const seconds = (ms: number | null) => (ms === null ? '' : (ms / 1000).toFixed(1));
  const quote = (value: string) => (/[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value);
  const columns: [string, string][] = [
    ['date', report.date],
    ['room', report.room],
    ['chats', String(report.chats)],
    ['answered', String(report.answered)],
    ['missed', String(report.missed)],
    ['median_wait_s', seconds(report.medianWaitMs)],
    ['p90_wait_s', seconds(report.p90WaitMs)],
    ['median_first_response_s', seconds(report.medianFirstResponseMs)],
    ['sla_met_percent', report.serviceLevelMetPercent === null ? '' : String(report.serviceLevelMetPercent)],
    ['median_duration_s', seconds(report.medianDurationMs)],
    ...Object.entries(report.results).map(([code, count]): [string, string] => [`result:${code}`, String(count)]),
  ];
  return `${columns.map(([name]) => quote(name)).join(',')}\r\n${columns.map(([, value]) => quote(value)).join(',')}\r\n`;
}
