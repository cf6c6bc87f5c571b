import { formatPath } from '@parley/shared';
import type { AdminConfig, PublicProfile, RoomConfig, StoredAgent } from '@parley/shared/settings';
import { ConfigFile } from '@parley/shared/settings';
import { type SettingsKind, type SettingsValue, settingsKey } from '../store/settings-record.js';

/** Every record of the configuration, by kind, in the order they were first made. */
export type SettingsSnapshot = {
  rooms: Map<string, RoomConfig>;
  agents: Map<string, StoredAgent>;
  admins: Map<string, AdminConfig>;
  profile: PublicProfile | undefined;
};

/** A record to write: its new value, or null to delete it. */
export type SettingsEdit = { kind: SettingsKind; id: string; value: unknown };

/** One problem, on the record it concerns (`room:GENERAL`; null when it spans the configuration) and where in it. */
export type SettingsIssue = { record: string | null; path: string; message: string };

export type Checked = { ok: true; values: Map<string, SettingsValue | null> } | { ok: false; issues: SettingsIssue[] };

const LISTS = { room: 'rooms', agent: 'agents', admin: 'admins' } as const;

/**
 * Checks edits the way the configuration file is checked, against the whole configuration they
 * would make (so an agent cannot name a room that does not exist, two rooms cannot share a name,
 * a room that takes messages needs addresses), and returns each record as Parley keeps it (with
 * its defaults). Problems are reported on the record and the field they concern.
 */
export function checkEdits(current: SettingsSnapshot, edits: readonly SettingsEdit[]): Checked {
  const next: Record<'room' | 'agent' | 'admin', Map<string, unknown>> = {
    room: new Map(current.rooms),
    agent: new Map(current.agents),
    admin: new Map(current.admins),
  };
  let profile: unknown = current.profile;
  for (const edit of edits) {
    if (edit.kind === 'profile') profile = edit.value ?? undefined;
    else if (edit.value === null) next[edit.kind].delete(edit.id);
    else next[edit.kind].set(edit.id, edit.value);
  }
  // What the file does not hold (when an agent was last signed out everywhere) is kept aside.
  const signedOut = new Map<string, number | undefined>();
  const agents = [...next.agent.entries()].map(([id, value]) => {
    if (typeof value !== 'object' || value === null) return value;
    const { signedOutAt, ...agent } = value as StoredAgent;
    signedOut.set(id, signedOutAt);
    return agent;
  });
  const input = { publicProfile: profile, rooms: [...next.room.values()], agents, admins: [...next.admin.values()] };
  const parsed = ConfigFile.safeParse(input);
  const ids = { room: [...next.room.keys()], agent: [...next.agent.keys()], admin: [...next.admin.keys()] };
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const [list, index, ...rest] = issue.path;
        const kind = (Object.keys(LISTS) as (keyof typeof LISTS)[]).find((k) => LISTS[k] === list);
        if (kind && typeof index === 'number') return { record: settingsKey(kind, ids[kind][index]!), path: formatPath(rest), message: issue.message };
        if (list === 'publicProfile') return { record: settingsKey('profile', 'global'), path: formatPath(issue.path.slice(1)), message: issue.message };
        return { record: null, path: formatPath(issue.path), message: issue.message };
      }),
    };
  }
  const values = new Map<string, SettingsValue | null>();
  for (const edit of edits) {
    const key = settingsKey(edit.kind, edit.id);
    if (edit.kind === 'profile') values.set(key, { kind: 'profile', value: parsed.data.publicProfile ?? {} });
    else if (edit.value === null) values.set(key, null);
    else if (edit.kind === 'room') values.set(key, { kind: 'room', value: parsed.data.rooms[ids.room.indexOf(edit.id)]! });
    else if (edit.kind === 'admin') values.set(key, { kind: 'admin', value: parsed.data.admins[ids.admin.indexOf(edit.id)]! });
    else {
      const agent = parsed.data.agents[ids.agent.indexOf(edit.id)]!;
      const signedOutAt = signedOut.get(edit.id);
      values.set(key, { kind: 'agent', value: signedOutAt === undefined ? agent : { ...agent, signedOutAt } });
    }
  }
  return { ok: true, values };
}
