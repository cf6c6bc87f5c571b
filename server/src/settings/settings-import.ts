import type { ConfigFile } from '@parley/shared/settings';
import type { SaveOutcome, Settings, VersionedEdit } from './settings.js';
import { PROFILE_ID } from './settings.js';

/**
 * Replaces every setting with a configuration file's (rooms, agents, admins, the public profile),
 * in one save: what the file does not list is deleted, the rest written from the versions the
 * store has, so it is checked, audited and applied like any admin's save. An agent keeps when they
 * were last signed out everywhere.
 */
export function importFile(settings: Settings, file: ConfigFile, actor: string, action: string): Promise<SaveOutcome> {
  const edits: VersionedEdit[] = [];
  const version = (kind: 'room' | 'agent' | 'admin' | 'profile', id: string) => settings.get(kind, id)?.version ?? 0;
  const listed = { room: new Set<string>(), agent: new Set<string>(), admin: new Set<string>() };
  for (const room of file.rooms) {
    listed.room.add(room.name);
    edits.push({ kind: 'room', id: room.name, value: room, expectedVersion: version('room', room.name) });
  }
  for (const { password: _never, ...agent } of file.agents) {
    const id = agent.id.toLowerCase();
    listed.agent.add(id);
    const current = settings.get('agent', id);
    const signedOutAt = current?.kind === 'agent' ? current.value.signedOutAt : undefined;
    edits.push({ kind: 'agent', id, value: signedOutAt === undefined ? agent : { ...agent, signedOutAt }, expectedVersion: version('agent', id) });
  }
  for (const admin of file.admins) {
    const id = admin.id.toLowerCase();
    listed.admin.add(id);
    edits.push({ kind: 'admin', id, value: admin, expectedVersion: version('admin', id) });
  }
  for (const kind of ['room', 'agent', 'admin'] as const) {
    for (const record of settings.list(kind)) {
      if (!listed[kind].has(record.id)) edits.push({ kind, id: record.id, value: null, expectedVersion: record.version });
    }
  }
  const profile = settings.get('profile', PROFILE_ID);
  if (file.publicProfile || profile) edits.push({ kind: 'profile', id: PROFILE_ID, value: file.publicProfile ?? {}, expectedVersion: profile?.version ?? 0 });
  return settings.save(edits, actor, action);
}
