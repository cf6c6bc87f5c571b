import type { Commit } from './commit.js';
import type { MemoryState } from './memory-state.js';
import { type SettingsChange, settingsKey } from './settings-record.js';
import type { AuditStore, SettingsStore } from './store.js';

/**
 * Settings records in memory, every write journaled. A batch of writes is checked against the
 * versions in memory and applied in the same synchronous step, so nothing can come between the
 * check and the write, and written as consecutive journal lines of one group commit.
 */
export function embeddedSettings(state: MemoryState, commit: Commit): SettingsStore {
  return {
    all: async () => [...state.settings.values()],
    async changesAfter(revision) {
      const changes = [...state.settings.values(), ...state.settingsDeleted.values()].filter((record) => record.revision > revision);
      return changes.sort((a, b) => a.revision - b.revision);
    },
    async write(writes, afterRevision) {
      if (afterRevision !== undefined && state.settingsRevision > afterRevision) return { ok: false, reason: 'revision' };
      for (const write of writes) {
        const current = state.settings.get(settingsKey(write.kind, write.id)) ?? null;
        if ((current?.version ?? 0) !== write.expectedVersion) return { ok: false, reason: 'version', kind: write.kind, id: write.id, current };
      }
      const records: SettingsChange[] = [];
      const written: Promise<void>[] = [];
      for (const { expectedVersion, at, ...write } of writes) {
        // A record made again after a deletion counts on from the deleted one, so that a client
        // still holding the deleted record's version cannot overwrite the new one.
        const deleted = expectedVersion === 0 ? (state.settingsDeleted.get(settingsKey(write.kind, write.id))?.version ?? 0) : 0;
        const version = Math.max(expectedVersion, deleted) + 1;
        const record = { ...write, version, revision: state.settingsRevision + 1, updatedAt: at } as SettingsChange;
        records.push(record);
        written.push(commit({ t: 'set', r: record }));
      }
      await Promise.all(written);
      return { ok: true, records };
    },
  };
}

/** The audit log, journaled; the newest entries of each subject kept in memory. */
export function embeddedAudit(state: MemoryState, commit: Commit): AuditStore {
  return {
    append: (entry) => commit({ t: 'audit', e: entry }),
    list: async (subject, limit) => (state.audit.get(subject) ?? []).slice(-limit).reverse(),
  };
}
