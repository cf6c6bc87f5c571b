import { readdir, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes of every file under `folder` (the journal and the attachments); 0 for a folder that is gone. */
export async function bytesUnder(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(path);
    else if (entry.isFile()) total += (await stat(path).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

/**
 * `bytesUnder(folder)` for a metric scraped every few seconds: the files directly in the folder
 * (the journals, the snapshot, the history: a handful) are looked at each time, the subfolders
 * (the attachments: one file each, thousands after years) at most once per `everyMs`, so a
 * scrape costs the same in year five as on day one.
 */
export class DiskUsage {
  private nested: { bytes: number; at: number } | null = null;
  private walking: Promise<number> | null = null;

  constructor(
    private readonly folder: string,
    private readonly now: () => number,
    private readonly everyMs = 60_000,
  ) {}

  async bytes(): Promise<number> {
    let top = 0;
    const folders: string[] = [];
    for (const entry of await readdir(this.folder, { withFileTypes: true }).catch(() => [])) {
      const path = join(this.folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile()) top += (await stat(path).catch(() => ({ size: 0 }))).size;
    }
    return top + (await this.nestedBytes(folders));
  }

  private async nestedBytes(folders: string[]): Promise<number> {
    if (this.nested && this.now() - this.nested.at < this.everyMs) return this.nested.bytes;
    this.walking ??= (async () => {
      let total = 0;
      for (const folder of folders) total += await bytesUnder(folder);
      this.nested = { bytes: total, at: this.now() };
      this.walking = null;
      return total;
    })();
    return this.walking;
  }
}

/** Bytes free to an unprivileged writer on the disk `folder` is on (what is left before ENOSPC for Parley). */
export async function bytesFree(folder: string): Promise<number> {
  const disk = await statfs(folder);
  return disk.bavail * disk.bsize;
}
