import type { AdminConfig, PublicProfile, RoomConfig, StoredAgent } from '@parley/shared/settings';

/** The kinds of settings records, each with the shape Parley checked before writing it. */
export type SettingsValue =
  | { kind: 'room'; value: RoomConfig }
  | { kind: 'agent'; value: StoredAgent }
  | { kind: 'admin'; value: AdminConfig }
  /** The global public profile (one record, id `global`). */
  | { kind: 'profile'; value: PublicProfile };

export type SettingsKind = SettingsValue['kind'];

type Stamp = {
  /** The room's name, the agent's or admin's id, `global` for the profile. */
  id: string;
  /** Saves of this record so far: 1 once created. */
  version: number;
  /** Store-wide order of writes: this record's last one. */
  revision: number;
  updatedAt: number;
};

export type SettingsRecord = SettingsValue & Stamp;

/** A record as `changesAfter` reports it: deleted ones with `value: null`. */
export type SettingsChange = SettingsRecord | (Stamp & { kind: SettingsKind; value: null });

/** Creates, replaces or (with `value: null`) deletes one record, if it is at `expectedVersion` (0: it must not exist). */
export type SettingsWrite = (SettingsValue | { kind: SettingsKind; value: null }) & { id: string; expectedVersion: number; at: number };

export type SettingsWriteResult =
  | { ok: true; records: SettingsChange[] }
  /** Nothing was written: this record was not at the version its write named (`current` null: it does not exist). */
  | { ok: false; reason: 'version'; kind: SettingsKind; id: string; current: SettingsRecord | null }
  /** Nothing was written: something was written after the revision the writer checked its batch against. */
  | { ok: false; reason: 'revision' };

/** One change to one field, as the audit log shows it (secrets say only that they changed). */
export type FieldChange = { path: string; from: unknown; to: unknown };

export type AuditEntry = {
  at: number;
  /** Who: `admin:ann@example.com`, or `system` (seeded from the file, imported). */
  actor: string;
  /** What: `room:GENERAL`, `agent:bob@example.com`, `profile:global`, `admin:ann@example.com`. */
  subject: string;
  action: string;
  changes: FieldChange[];
};

export const settingsKey = (kind: SettingsKind, id: string) => `${kind}:${id}`;
