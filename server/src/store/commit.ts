import type { JournalEntry } from './journal-entry.js';

/**
 * How the embedded store's roles record a change: applied in memory and written to the journal
 * with the next group commit; the promise resolves once it is written.
 */
export type Commit = {
  (entry: JournalEntry): Promise<void>;
  /** Resolves when everything committed so far is durable. */
  durable(): Promise<void>;
};
