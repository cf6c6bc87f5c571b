import { existsSync, readFileSync } from 'node:fs';
import { open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/*
 * Which files of DATA_DIR hold the embedded store's live state, in replay order: a snapshot
 * written by the last compaction (open conversations, sessions, outbox, settings) and the journals
 * appended since. Ended conversations are in the history database beside them (history-db.ts).
 * The manifest is the commit point of a roll and of a compaction: it is replaced by a rename, so
 * a crash leaves either the old list or the new one, and files it does not list are leftovers.
 */

export const MANIFEST = 'manifest.json';
/** The journal of a data folder that has never been compacted (and of every folder before manifests). */
export const FIRST_JOURNAL = 'journal.jsonl';
export const HISTORY_DB = 'history.sqlite';

const manifestSchema = z.object({
  v: z.literal(1),
  /** Counts rolls; names new files, so a name is never reused. */
  generation: z.number().int().nonnegative(),
  snapshot: z.string().nullable(),
  /** Oldest first; the last one is appended to. */
  journals: z.array(z.string()).min(1),
  /** Attachments of deleted conversations (by id), removed from `files/` after the switch; a start finishes the job. */
  removeFiles: z.array(z.string()).default([]),
});
export type Manifest = z.infer<typeof manifestSchema>;

export class ManifestDamaged extends Error {
  constructor(path: string, reason: string) {
    super(`${path} cannot be read (${reason}): restore the data folder from a backup (see docs/configuration.md "Backups").`);
  }
}

export function readManifest(dataDir: string): Manifest {
  const path = join(dataDir, MANIFEST);
  if (!existsSync(path)) return { v: 1, generation: 0, snapshot: null, journals: [FIRST_JOURNAL], removeFiles: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ManifestDamaged(path, (error as Error).message);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new ManifestDamaged(path, result.error.issues[0]?.message ?? 'not a manifest');
  return result.data;
}

/** Replaces the manifest durably: the new text on disk first, then the rename, then the folder's entry. */
export async function writeManifest(dataDir: string, manifest: Manifest): Promise<void> {
  const path = join(dataDir, MANIFEST);
  const next = `${path}.next`;
  await writeFile(next, `${JSON.stringify(manifest)}\n`, { flush: true });
  await rename(next, path);
  await syncPath(dataDir);
}

/** fsync a file, or a folder (the names just created in it). */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Every file the manifest names, for the leftovers sweep and for backups. */
export function manifestFiles(manifest: Manifest): string[] {
  return [...(manifest.snapshot ? [manifest.snapshot] : []), ...manifest.journals];
}

export const journalName = (generation: number) => `journal-${generation}.jsonl`;
export const snapshotName = (generation: number) => `snapshot-${generation}.jsonl`;

/**
 * Each file's lines are addressed in one space: the store keeps a message's place as a single
 * number (see MessageLog), whichever file it is in. A file gets 2^37 bytes (128 GiB, far above the
 * roll size) from a base fixed by its name, so an address stays valid for as long as the file lives.
 */
export const FILE_SPAN = 2 ** 37;
export function addressBase(name: string): number {
  if (name === FIRST_JOURNAL) return FILE_SPAN;
  const match = /^(journal|snapshot)-(\d+)\.jsonl$/.exec(name);
  if (!match) throw new Error(`not a store file name: ${name}`);
  // Snapshot g and journal g share generation g; 2^(53-37-1) generations fit before doubles lose integers.
  return (Number(match[2]) * 2 + (match[1] === 'journal' ? 1 : 0)) * FILE_SPAN;
}
