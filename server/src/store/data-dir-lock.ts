import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another Parley process (a server, or a command such as `npm run config`) uses the data folder. */
export class DataDirBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`another Parley process (pid ${pid}) is using ${dataDir}; stop it first, or run this command while Parley is stopped`);
    this.name = 'DataDirBusy';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data folder for this process: the journal has one writer, and a second process
 * appending to it (a server started twice, an import while the server runs) would interleave
 * lines and break replay. A lock left by a process that died (`kill -9`, a power cut) is stale
 * and taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'parley.lock');
  let holder = Number.NaN;
  try {
    holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    // No lock yet.
  }
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) throw new DataDirBusy(dataDir, holder);
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}
