import type { ResolvedServiceLevels, ServiceLevels } from '@parley/shared/settings';

type Field = {
  key: keyof ServiceLevels;
  label: string;
  min: number;
  max: number;
  /** The value that applies, as the hint says it. */
  applied: (levels: ResolvedServiceLevels) => string;
};

const seconds = (ms: number) => (ms === 0 ? 'off' : `${ms / 1000} s`);

/**
 * Response targets and chat timers as the admin console edits them: the same fields on the
 * global profile and on each room (where the hint says which value applies, and from where).
 */
export const SERVICE_LEVEL_FIELDS: readonly Field[] = [
  { key: 'firstResponseSeconds', label: 'First reply within, seconds after accepting', min: 0, max: 86400, applied: (l) => seconds(l.firstResponseMs) },
  { key: 'nextResponseSeconds', label: "Next reply within, seconds after a visitor's message", min: 0, max: 86400, applied: (l) => seconds(l.nextResponseMs) },
  { key: 'warningPercent', label: 'Warn at this share of the target, in percent', min: 1, max: 99, applied: (l) => `${l.warningPercent}%` },
  {
    key: 'maxWaitSeconds',
    label: 'Longest wait in the queue, seconds, before offering to leave a message (needs "Leave a message")',
    min: 0,
    max: 86400,
    applied: (l) => seconds(l.maxWaitMs),
  },
  {
    key: 'visitorIdleWarningSeconds',
    label: 'Warn a visitor who has not answered the agent, after seconds',
    min: 0,
    max: 86400,
    applied: (l) => seconds(l.visitorIdleWarningMs),
  },
  {
    key: 'visitorIdleCloseSeconds',
    label: 'Then close the chat, seconds after the warning',
    min: 0,
    max: 86400,
    applied: (l) => seconds(l.visitorIdleCloseMs),
  },
  {
    key: 'agentIdleWarningSeconds',
    label: 'Warn an agent who has not answered the visitor, after seconds',
    min: 0,
    max: 86400,
    applied: (l) => seconds(l.agentIdleWarningMs),
  },
  {
    key: 'agentIdleSupervisorSeconds',
    label: 'Show it to the supervisor, seconds after the visitor wrote',
    min: 0,
    max: 86400,
    applied: (l) => seconds(l.agentIdleSupervisorMs),
  },
];
