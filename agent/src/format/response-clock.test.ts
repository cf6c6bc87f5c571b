import { describe, expect, it } from 'vitest';
import { byUrgency, clockState } from './response-clock.js';

const clock = { kind: 'first' as const, since: 0, warnAt: 30_000, dueAt: 60_000 };

describe('response clocks in the console', () => {
  it('is normal, then a warning from warnAt, then breached from dueAt, saying the time left or over', () => {
    expect(clockState(clock, 10_000)).toEqual({ state: 'normal', text: 'First reply due in 50 s' });
    expect(clockState(clock, 30_000)).toEqual({ state: 'warning', text: 'First reply due in 30 s' });
    expect(clockState({ ...clock, kind: 'next' }, 125_000)).toEqual({ state: 'breached', text: 'Reply overdue by 1 min 05 s' });
  });

  it('puts chats owing a reply first, soonest due first, the rest after in their order', () => {
    const chat = (id: string, dueAt: number | null) => ({ id, conversation: { responseClock: dueAt === null ? null : { ...clock, dueAt } } });
    expect(byUrgency([chat('a', null), chat('b', 90_000), chat('c', null), chat('d', 20_000)]).map((c) => c.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});
