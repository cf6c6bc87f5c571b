import { copyFile, type FileHandle, mkdir, open, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FIRST_JOURNAL, HISTORY_DB, MANIFEST, type Manifest, manifestFiles, readManifest, syncPath, writeManifest } from './manifest.js';

/** The folder is not a place to put a backup: it holds something already. */
export class BackupTargetNotEmpty extends Error {
  constructor(target: string) {
    super(`${target} is not empty: back up into a new or empty folder, so that a backup never mixes with other files.`);
  }
}

/** DATA_DIR holds no journal: a wrong folder, or a Parley that never ran there. */
export class NothingToBackUp extends Error {
  constructor(dataDir: string) {
    super(`${dataDir} holds no journal (journal.jsonl or manifest.json): check DATA_DIR, the folder Parley runs with.`);
  }
}

export type BackupSummary = { journalBytes: number; files: number };

/** The manifest's files, opened: once open, a compaction deleting them does not take them from us. */
async function openChain(dataDir: string): Promise<{ manifest: Manifest; handles: Map<string, FileHandle> }> {
  for (;;) {
    const manifest = readManifest(dataDir);
    const handles = new Map<string, FileHandle>();
    try {
      for (const name of manifestFiles(manifest)) handles.set(name, await open(join(dataDir, name), 'r'));
      return { manifest, handles };
    } catch (error) {
      await Promise.all([...handles.values()].map((handle) => handle.close()));
      // A compaction switched the manifest and removed a file between our reading and opening: read it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * A consistent copy of an embedded store's folder while Parley runs and writes to it (compactions
 * included). The files the manifest names are opened first: the snapshot and rolled journals never
 * change, and the live journal only grows, so its length now covers everything acknowledged so
 * far (a line half-written at that instant was not acknowledged; a start on the copy drops it as a
 * torn last line). Then the history database, through SQLite's online backup: it holds at least
 * every conversation the copied files had already handed over (and perhaps more, which a start
 * reads as copies). Attachments last: each is on disk before its description is written.
 * Nothing here takes the folder's lock: Parley keeps running.
 */
export async function backupDataDir(dataDir: string, target: string): Promise<BackupSummary> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  if (!names.includes(FIRST_JOURNAL) && !names.includes(MANIFEST)) throw new NothingToBackUp(dataDir);
  await mkdir(target, { recursive: true });
  if ((await readdir(target)).length > 0) throw new BackupTargetNotEmpty(target);

  const { manifest, handles } = await openChain(dataDir);
  let journalBytes = 0;
  try {
    // Measured once everything is open; what was acknowledged before this instant is in the copy.
    const live = manifest.journals.at(-1)!;
    const lengths = new Map<string, number>();
    for (const [name, handle] of handles) lengths.set(name, (await handle.stat()).size);
    journalBytes = lengths.get(live)!;

    if (names.includes(HISTORY_DB)) {
      const db = new Database(join(dataDir, HISTORY_DB), { fileMustExist: true });
      try {
        await db.backup(join(target, HISTORY_DB));
      } finally {
        db.close();
      }
      await syncPath(join(target, HISTORY_DB));
    }

    const fromFiles = join(dataDir, 'files');
    const toFiles = join(target, 'files');
    await mkdir(toFiles);
    let files = 0;
    for (const name of await readdir(fromFiles).catch(() => [] as string[])) {
      try {
        await copyFile(join(fromFiles, name), join(toFiles, name));
      } catch (error) {
        // Deleted meanwhile (retention, erasure): so is its conversation.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      await syncPath(join(toFiles, name));
      files++;
    }
    await syncPath(toFiles);

    // The store's files last, each renamed into place once whole, then the manifest naming them.
    for (const [name, handle] of handles) await copyPrefix(handle, lengths.get(name)!, join(target, name));
    if (names.includes(MANIFEST) || manifest.generation > 0) await writeManifest(target, { ...manifest, removeFiles: [] });
    await syncPath(target);
    return { journalBytes, files };
  } finally {
    await Promise.all([...handles.values()].map((handle) => handle.close()));
  }
}

async function copyPrefix(source: FileHandle, length: number, path: string): Promise<void> {
  const partial = `${path}.partial`;
  const copy = await open(partial, 'w');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (let position = 0; position < length; ) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, length - position), position);
      if (bytesRead === 0) break;
      await copy.write(buffer, 0, bytesRead);
      position += bytesRead;
    }
    await copy.sync();
  } finally {
    await copy.close();
  }
  await rename(partial, path);
}
