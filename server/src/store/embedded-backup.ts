import { closeSync, fsyncSync, openSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder is not a place to put a backup: it holds something already. */
export class BackupTargetNotEmpty extends Error {
  constructor(target: string) {
    super(`${target} is not empty: back up into a new or empty folder, so that a backup never mixes with other files.`);
  }
}

/** DATA_DIR holds no journal: a wrong folder, or a Parley that never ran there. */
export class NothingToBackUp extends Error {
  constructor(dataDir: string) {
    super(`${dataDir} holds no journal (journal.jsonl): check DATA_DIR, the folder Parley runs with.`);
  }
}

export type BackupSummary = { journalBytes: number; files: number };

/**
 * A consistent copy of an embedded store's folder while Parley runs and writes to it. The journal
 * is append-only, and an attachment's bytes are on disk before its entry is: so the journal's
 * length now covers everything acknowledged so far, the attachments copied after that include
 * every one it names, and the journal's first bytes up to that length never change afterwards.
 * A line half-written at that instant was not acknowledged; a start on the copy drops it as a
 * torn last line. Nothing here takes the folder's lock: Parley keeps running.
 */
export async function backupDataDir(dataDir: string, target: string): Promise<BackupSummary> {
  const journal = join(dataDir, 'journal.jsonl');
  const found = await stat(journal).catch(() => null);
  if (!found) throw new NothingToBackUp(dataDir);
  await mkdir(target, { recursive: true });
  if ((await readdir(target)).length > 0) throw new BackupTargetNotEmpty(target);
  // Measured after the checks; what was acknowledged before this instant is in the copy.
  const journalBytes = (await stat(journal)).size;

  const fromFiles = join(dataDir, 'files');
  const toFiles = join(target, 'files');
  await mkdir(toFiles);
  const names = await readdir(fromFiles).catch(() => [] as string[]);
  for (const name of names) {
    await copyFile(join(fromFiles, name), join(toFiles, name));
    syncPath(join(toFiles, name));
  }
  syncPath(toFiles);

  // The journal last, up to the length it had when the backup began; renamed into place once whole.
  const partial = join(target, 'journal.jsonl.partial');
  const source = await open(journal, 'r');
  const copy = await open(partial, 'w');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (let position = 0; position < journalBytes; ) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, journalBytes - position), position);
      if (bytesRead === 0) break;
      await copy.write(buffer, 0, bytesRead);
      position += bytesRead;
    }
    await copy.sync();
  } finally {
    await source.close();
    await copy.close();
  }
  await rename(partial, join(target, 'journal.jsonl'));
  syncPath(target);
  return { journalBytes, files: names.length };
}

/** fsync a file or a folder (a folder's entries: the names just created in it). */
function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
