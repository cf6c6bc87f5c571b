import type { Commit } from './commit.js';
import type { MemoryState } from './memory-state.js';
import type { OutboxStore } from './store.js';

/** The embedded store's outbox: records and changes go through the journal like everything else. */
export function embeddedOutbox(state: MemoryState, commit: Commit, now: () => number): OutboxStore {
  /** One process sends; claims only keep two sends of one email in this process apart. Not journaled: a restart frees them all. */
  const claims = new Map<string, { holder: string; until: number }>();
  return {
    async add(records) {
      const fresh = records.filter((record, index) => state.outboxState(record.id) === undefined && records.findIndex((r) => r.id === record.id) === index);
      await Promise.all(fresh.map((record) => commit({ t: 'mail', m: record })));
      // Known ones may still be on their way to disk: their callers are answered no sooner.
      if (fresh.length < records.length) await commit.durable();
      return fresh.map((record) => record.id);
    },
    async update(id, change) {
      if (state.outbox.has(id)) await commit({ t: 'mailup', id, c: change });
    },
    state: async (id) => state.outboxState(id),
    unfinished: async () => [...state.outbox.values()].sort((a, b) => a.createdAt - b.createdAt),
    async claim(id, holder, leaseMs) {
      // Finished (or unknown) emails are not sent: their claims are let go.
      if (!state.outbox.has(id)) {
        claims.delete(id);
        return false;
      }
      const current = claims.get(id);
      if (current && current.holder !== holder && current.until > now()) return false;
      claims.set(id, { holder, until: now() + leaseMs });
      return true;
    },
  };
}
