import type { AdminRecord, AgentRecord, ProfileRecord, RoomRecord } from '@parley/shared';
import type { LiveFigures } from '../../owner/live-figures.js';
import type { SettingsRecord } from '../../store/settings-record.js';

type Of<K extends SettingsRecord['kind']> = Extract<SettingsRecord, { kind: K }>;

/** A room as the admin API shows it: every setting, the stats key included (admins rotate it). */
export function roomView(record: Of<'room'>): RoomRecord {
  return { version: record.version, updatedAt: record.updatedAt, room: record.value };
}

/** An agent without their password hash: whether they have set a password, and where they are signed in now. */
export function agentView(record: Of<'agent'>, figures: LiveFigures): AgentRecord {
  const { passwordHash, signedOutAt, ...agent } = record.value;
  return {
    version: record.version,
    updatedAt: record.updatedAt,
    agent: { ...agent, hasPassword: passwordHash !== undefined, signedOutAt: signedOutAt ?? null },
    online: figures.statuses(agent.id),
  };
}

export function adminView(record: Of<'admin'>): AdminRecord {
  const { passwordHash, ...admin } = record.value;
  return { version: record.version, admin: { ...admin, hasPassword: passwordHash !== undefined } };
}

export function profileView(record: Of<'profile'> | undefined): ProfileRecord {
  return { version: record?.version ?? 0, profile: record?.value ?? {} };
}
