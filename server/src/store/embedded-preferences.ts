import type { Commit } from './commit.js';
import type { MemoryState } from './memory-state.js';
import type { PreferenceStore } from './store.js';

/** Agents' own settings, journaled so they survive restarts. */
export function embeddedPreferences(state: MemoryState, commit: Commit): PreferenceStore {
  return {
    get: async (agentId) => state.preferences.get(agentId),
    save: (agentId, preferences) => commit({ t: 'pref', a: agentId, p: preferences }),
  };
}
