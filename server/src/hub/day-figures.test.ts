import { describe, expect, it } from 'vitest';
import { DayFigures } from './day-figures.js';

describe("a room's figures for today", () => {
  it('counts chats and takes median waits and first responses, by the room\u2019s local date', () => {
    const figures = new DayFigures((room) => (room === 'TOKYO' ? 'Asia/Tokyo' : 'UTC'));
    const nineAm = Date.UTC(2026, 11, 5, 9);
    figures.started('GENERAL', nineAm);
    figures.started('GENERAL', nineAm + 1000);
    figures.accepted('GENERAL', nineAm, nineAm + 20_000);
    figures.accepted('GENERAL', nineAm, nineAm + 40_000);
    figures.answered('GENERAL', nineAm + 20_000, nineAm + 25_000);
    expect(figures.today('GENERAL', nineAm + 60_000)).toEqual({ chats: 2, medianWaitMs: 30_000, medianFirstResponseMs: 5_000 });
    // Midnight UTC starts a new day; in Tokyo it was already the next day at 15:00 UTC.
    expect(figures.today('GENERAL', Date.UTC(2026, 11, 6, 0, 1))).toEqual({ chats: 0, medianWaitMs: null, medianFirstResponseMs: null });
    figures.started('TOKYO', Date.UTC(2026, 11, 5, 14, 59));
    expect(figures.today('TOKYO', Date.UTC(2026, 11, 5, 15, 1)).chats).toBe(0);
  });
});
