import { readStored, writeStored } from '@parley/shared/client';

/** How an incoming chat gets the agent's attention; each can be switched off, and the choice is remembered. */
export type AlertSettings = { sound: boolean; title: boolean };

const KEY = 'parley.agent.alerts';

export function loadAlertSettings(): AlertSettings {
  try {
    const parsed = JSON.parse(readStored(KEY) ?? '{}') as Partial<AlertSettings>;
    return { sound: parsed.sound !== false, title: parsed.title !== false };
  } catch {
    return { sound: true, title: true };
  }
}

export function saveAlertSettings(settings: AlertSettings): void {
  writeStored(KEY, JSON.stringify(settings));
}
