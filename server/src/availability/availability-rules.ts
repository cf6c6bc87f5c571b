import type { AvailabilityConfig, AvailabilityRule } from '@parley/shared/settings';
import { type LocalTime, minutesOf, previousDay } from './local-time.js';

/** What the rules look at, besides the time. */
export type RoomFacts = {
  /** Agents of the room ready for a new chat right now. */
  readyAgents: number;
  /** Visitors waiting in the room's queue. */
  waitingVisitors: number;
};

function hoursHold(rule: Extract<AvailabilityRule, { type: 'hours' }>, time: LocalTime): boolean {
  const from = minutesOf(rule.from);
  const to = minutesOf(rule.to);
  if (from < to) return rule.days.includes(time.day) && time.minutes >= from && time.minutes < to;
  // Past midnight: the evening belongs to a listed day, the early morning to the day after one.
  return (rule.days.includes(time.day) && time.minutes >= from) || (rule.days.includes(previousDay(time.day)) && time.minutes < to);
}

function ruleHolds(rule: AvailabilityRule, facts: RoomFacts, time: LocalTime): boolean {
  switch (rule.type) {
    case 'hours':
      return hoursHold(rule, time);
    case 'readyAgents':
      return facts.readyAgents >= rule.atLeast;
    case 'waitingVisitors':
      return facts.waitingVisitors <= rule.atMost;
  }
}

/** Whether a room is available: no rules means always; otherwise all (or any) of them hold. */
export function isAvailable(config: AvailabilityConfig, facts: RoomFacts, time: LocalTime): boolean {
  if (config.rules.length === 0) return true;
  return config.match === 'all' ? config.rules.every((rule) => ruleHolds(rule, facts, time)) : config.rules.some((rule) => ruleHolds(rule, facts, time));
}

/** Whether the answer can change with the clock alone (so it must be looked at again each minute). */
export function dependsOnTime(config: AvailabilityConfig): boolean {
  return config.rules.some((rule) => rule.type === 'hours');
}
