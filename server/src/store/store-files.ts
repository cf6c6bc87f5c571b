import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ChainLines, SealedFile } from './chain-lines.js';
import { HistoryDb } from './history-db.js';
import type { Journal } from './journal.js';
import type { JournalEntry } from './journal-entry.js';
import { replayJournal } from './journal-replay.js';
import { addressBase, FIRST_JOURNAL, HISTORY_DB, MANIFEST, type Manifest, manifestFiles, readManifest } from './manifest.js';

export type OpenedFiles = { lines: ChainLines; manifest: Manifest; history: HistoryDb };

const STORE_FILE = /^(journal|snapshot)-\d+\.jsonl$/;

/**
 * Opens an embedded store's files as the manifest lists them: removes what a crash left behind
 * (files the manifest does not name, attachments a compaction had deleted), replays the snapshot
 * and the journals in order through `onEntry` (with each entry's address), and opens the last
 * journal for appending. `openJournal` replays and opens that one as the store does any journal.
 */
export async function openStoreFiles(
  dataDir: string,
  onEntry: (entry: JournalEntry, address: number, length: number) => void,
  openJournal: (path: string, onEntry: (entry: JournalEntry, offset: number, length: number) => void) => Promise<Journal>,
  warn: (message: string) => void,
): Promise<OpenedFiles> {
  const manifest = readManifest(dataDir);
  const named = new Set(manifestFiles(manifest));
  const names = await readdir(dataDir);
  const hasManifest = names.includes(MANIFEST);
  for (const name of names) {
    const leftover = (STORE_FILE.test(name) || (name === FIRST_JOURNAL && hasManifest) || name === `${MANIFEST}.next`) && !named.has(name);
    if (leftover) await rm(join(dataDir, name), { force: true });
  }
  await Promise.all(manifest.removeFiles.map((id) => rm(join(dataDir, 'files', id), { force: true })));

  const history = new HistoryDb(join(dataDir, HISTORY_DB));
  const sealed: { name: string; base: number }[] = [];
  try {
    for (const name of manifestFiles(manifest).slice(0, -1)) {
      const base = addressBase(name);
      await replayJournal(join(dataDir, name), (entry, offset, length) => onEntry(entry, base + offset, length), warn);
      sealed.push({ name, base });
    }
    const liveName = manifest.journals.at(-1)!;
    const liveBase = addressBase(liveName);
    const journal = await openJournal(join(dataDir, liveName), (entry, offset, length) => onEntry(entry, liveBase + offset, length));
    const lines = new ChainLines(journal, liveBase, liveName);
    for (const { name, base } of sealed) lines.addSealed(name, base, new SealedFile(join(dataDir, name)));
    return { lines, manifest, history };
  } catch (error) {
    history.close();
    throw error;
  }
}
