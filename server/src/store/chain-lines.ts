import { closeSync, openSync } from 'node:fs';
import type { Journal } from './journal.js';
import type { LineLog } from './line-log.js';
import { FILE_SPAN } from './manifest.js';
import { readAt } from './read-at.js';

/** Reads lines of a file that no longer grows (a snapshot, a rolled journal) by offset. */
export class SealedFile {
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  read(offset: number, length: number): string {
    return readAt(this.fd, offset, length);
  }

  close(): void {
    closeSync(this.fd);
  }
}

type Member = { base: number; name: string; file: Pick<SealedFile, 'read' | 'close'> | Journal };

/**
 * The embedded store's lines across its files (manifest.ts): appends go to the live journal, and
 * reads find the file from the address (each file has its own span of addresses), so a message's
 * place stays one number when the journal is rolled and compacted.
 */
export class ChainLines implements LineLog {
  private readonly members: Member[] = [];

  constructor(
    private live: Journal,
    private liveBase: number,
    liveName: string,
  ) {
    this.members.push({ base: liveBase, name: liveName, file: live });
  }

  /** Adds a sealed file (replayed before the live journal, or written by a compaction). */
  addSealed(name: string, base: number, file: Pick<SealedFile, 'read' | 'close'>): void {
    this.members.push({ base, name, file });
  }

  get size(): number {
    return this.liveBase + this.live.size;
  }

  get liveJournal(): Journal {
    return this.live;
  }

  get liveName(): string {
    return this.members.find((member) => member.file === this.live)!.name;
  }

  /** Does this address lie in the named file? */
  isIn(name: string, address: number): boolean {
    const member = this.members.find((candidate) => candidate.name === name);
    return !!member && address >= member.base && address < member.base + FILE_SPAN;
  }

  append(line: string): number {
    return this.liveBase + this.live.append(line);
  }

  written(): Promise<void> {
    return this.live.written();
  }

  read(address: number, length: number): string {
    for (const member of this.members) {
      if (address >= member.base && address < member.base + FILE_SPAN) return member.file.read(address - member.base, length);
    }
    throw new Error(`no store file holds address ${address}`);
  }

  /** Appends go to `next` from now on; the journal before it stays readable until it is dropped. */
  roll(next: Journal, base: number, name: string): Journal {
    const previous = this.live;
    this.members.push({ base, name, file: next });
    this.live = next;
    this.liveBase = base;
    return previous;
  }

  /** Closes and forgets files a compaction has made obsolete. */
  async drop(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const index = this.members.findIndex((member) => member.name === name);
      if (index < 0) continue;
      const [member] = this.members.splice(index, 1);
      await member!.file.close();
    }
  }

  async close(): Promise<void> {
    await this.live.close();
    for (const member of this.members) if (member.file !== this.live) await member.file.close();
  }
}
