import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type ChainLines, SealedFile } from './chain-lines.js';
import type { CompactionInput, CompactionResult, JobPoint } from './compaction-job.js';
import type { WorkerReply, WorkerRequest } from './compaction-worker.js';
import { inSlices } from './in-slices.js';
import type { Journal } from './journal.js';
import { addressBase, FILE_SPAN, journalName, type Manifest, manifestFiles, snapshotName, syncPath, writeManifest } from './manifest.js';
import type { MemoryState } from './memory-state.js';
import type { RetentionPolicy } from './store.js';

/**
 * Where a compaction can be stopped by a test (and the process killed): main-thread points and the
 * worker's; `started` and `finished` bound the whole of it (the history benchmark times pauses there).
 */
export type CompactionPoint = 'started' | 'rolled' | JobPoint | 'compacted' | 'switched' | 'finished';

export type CompactorOptions = {
  dataDir: string;
  /** Opens a new journal as the store opens its own (same sync, metrics, failure handling). */
  openJournal: (path: string, writeAfter: Promise<unknown>) => Promise<Journal>;
  /** Roll and compact once the live journal is this long. */
  rollBytes: number;
  /** A test stops the compaction here while the promise is pending. */
  pauseAt?: (point: CompactionPoint) => Promise<void> | void;
  warn: (message: string) => void;
  now: () => number;
};

/** How long after a failed compaction the next one may start by itself. */
const RETRY_AFTER_FAILURE_MS = 60_000;

export type CompactionReport = { generation: number; ended: number; removed: number; erased: number; openConversations: number };

/**
 * Keeps the embedded store's files bounded by what is live (manifest.ts): rolls the journal once it
 * is long, has the worker (compaction-job.ts) move ended conversations into the history database
 * and write the rest into a snapshot, then switches the manifest and lets memory go.
 *
 * Order of a compaction, and what a crash at each step leaves (files the manifest does not name
 * are removed at the next start):
 * 1. a new journal is created and the manifest lists it after the current one; appends go to it
 *    (its writes wait until the previous journal is whole on disk). Crash: both are replayed.
 * 2. the worker replays the sealed files, commits the ended conversations to the history, writes
 *    the snapshot. Crash: the manifest still names the old files; the history rows are copies
 *    (what is in memory wins), redone next time.
 * 3. conversations moved to the history but changed since the roll are copied into the live
 *    journal (their messages would otherwise be only in files about to go).
 * 4. the manifest switches to [new snapshot, new journal]. Crash after: the old files go at start.
 * 5. memory drops the moved conversations and reads the open ones' messages from the snapshot;
 *    old files and the deleted conversations' attachments are removed.
 */
export class Compactor {
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;
  private closed = false;
  private worker: Worker | null = null;
  private retention: RetentionPolicy = { defaultDays: null, rooms: {} };
  /** After a failed compaction, appends do not start another before this (performance.now()). */
  private quietUntil = 0;
  /**
   * From step 3 to the end of step 5: conversations moved out of memory's files whose copy in
   * memory is still read from the old files; a change to one copies it into the live journal first.
   */
  private leaving: { ids: Set<string>; files: readonly string[]; kept: Set<string> } | null = null;

  constructor(
    private readonly state: MemoryState,
    private readonly lines: ChainLines,
    private manifest: Manifest,
    private readonly options: CompactorOptions,
  ) {}

  setRetention(policy: RetentionPolicy): void {
    this.retention = policy;
  }

  /** After appends: starts a compaction in the background once the live journal is long enough. */
  check(): void {
    if (this.busy || this.closed || this.lines.liveJournal.size < this.options.rollBytes || performance.now() < this.quietUntil) return;
    this.busy = true;
    setImmediate(() => {
      this.compact().catch((error: Error) => {
        // A full disk, say: the files stay as the manifest lists them (nothing is lost); try again later, not on every append.
        this.quietUntil = performance.now() + RETRY_AFTER_FAILURE_MS;
        this.options.warn(`compaction failed, the journal is kept as it is and compaction is tried again in a minute: ${error.message}`);
      });
    });
  }

  /** Rolls and compacts now (after any compaction under way); resolves when it is done. */
  compact(): Promise<CompactionReport> {
    this.busy = true;
    const run = this.running.then(() => this.run());
    this.running = run.catch(() => {});
    return run.finally(() => {
      this.busy = false;
    });
  }

  /**
   * Before a conversation changes: if the compaction under way is moving it out, its messages are
   * copied into the live journal first, so that the change is never stored without them.
   */
  beforeChange(id: string): void {
    const leaving = this.leaving;
    if (!leaving?.ids.has(id) || leaving.kept.has(id) || !this.state.conversations.has(id)) return;
    this.keepLive(id, leaving.files);
    leaving.kept.add(id);
  }

  /** Waits for a compaction under way and stops the worker. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
    await this.worker?.terminate();
    this.worker = null;
  }

  private async pause(point: CompactionPoint): Promise<void> {
    await this.options.pauseAt?.(point);
  }

  private async run(): Promise<CompactionReport> {
    if (this.closed) throw new Error('the store is closed');
    try {
      return await this.steps();
    } finally {
      // A compaction that failed leaves the manifest naming every file still needed: the next one starts from it.
      this.state.touched = null;
      this.leaving = null;
    }
  }

  private async steps(): Promise<CompactionReport> {
    const { dataDir } = this.options;
    const before = this.manifest;
    const generation = before.generation + 1;
    await this.pause('started');

    // 1. Roll.
    const name = journalName(generation);
    let releaseWrites!: (sealed: Promise<void>) => void;
    const previousSealed = new Promise<Promise<void>>((resolve) => (releaseWrites = resolve)).then((sealed) => sealed);
    const next = await this.options.openJournal(join(dataDir, name), previousSealed);
    await syncPath(join(dataDir, name));
    const rolled: Manifest = { ...before, generation, journals: [...before.journals, name] };
    await writeManifest(dataDir, rolled);
    this.manifest = rolled;
    const previous = this.lines.roll(next, addressBase(name), name);
    this.state.touched = new Set();
    const sealed = previous.seal();
    releaseWrites(sealed);
    await sealed;
    await this.pause('rolled');

    // 2. Compact in the worker.
    const inputs = manifestFiles(before);
    const output = snapshotName(generation);
    const result = await this.runJob({ dataDir, inputs, output, now: this.options.now(), retention: this.retention });
    await this.pause('compacted');

    // 3. Conversations moved out but changed since the roll stay live: copied into the live journal
    // (and so is one changed from now until memory lets the others go, see beforeChange).
    const leaving = { ids: new Set([...result.ended, ...result.removed]), files: inputs, kept: new Set<string>() };
    this.leaving = leaving;
    for (const id of this.state.touched ?? []) this.beforeChange(id);
    this.state.touched = null;
    await this.lines.written();

    // 4. Switch.
    const removeFiles = [...before.removeFiles, ...result.removedFiles];
    const switched: Manifest = { v: 1, generation, snapshot: output, journals: [name], removeFiles };
    await writeManifest(dataDir, switched);
    this.manifest = switched;
    await this.pause('switched');

    // 5. Memory reads the snapshot; the old files go. In slices: until the old files are dropped,
    // what is not yet switched over still reads from them, and a change still finds `leaving`.
    const snapshotBase = addressBase(output);
    this.lines.addSealed(output, snapshotBase, new SealedFile(join(dataDir, output)));
    const oldBases = inputs.map(addressBase);
    const inOldFile = (address: number) => oldBases.some((base) => address >= base && address < base + FILE_SPAN);
    await inSlices(result.open, (moved) => {
      const log = this.state.messages.get(moved.id);
      for (let i = 0; log && i < moved.seqs.length; i++) {
        const seq = moved.seqs[i]!;
        const place = log.place(seq);
        if (place && inOldFile(place.address)) log.move(seq, snapshotBase + moved.offsets[i]!, moved.lengths[i]!);
      }
    });
    await inSlices(leaving.ids, (id) => {
      if (!leaving.kept.has(id)) this.state.forgetConversation(id);
    });
    const goneFiles = this.state.filesOf(leaving.ids).filter((file) => !leaving.kept.has(file.conversationId));
    for (const file of goneFiles) this.state.files.delete(file.id);
    this.leaving = null;
    await this.lines.drop(inputs);
    await Promise.all(inputs.map((file) => rm(join(dataDir, file), { force: true })));
    await Promise.all(removeFiles.map((id) => rm(join(dataDir, 'files', id), { force: true })));
    await syncPath(dataDir);
    await this.pause('finished');
    return { generation, ended: result.ended.length, removed: result.removed.length, erased: result.erased.length, openConversations: result.open.length };
  }

  /** Copies a conversation's record, messages and files' descriptions from the files about to go into the live journal. */
  private keepLive(id: string, leaving: readonly string[]): void {
    const record = this.state.conversations.get(id)!;
    this.lines.append(JSON.stringify({ t: 'conv', r: record }));
    const log = this.state.messages.get(id);
    for (let seq = 1; log && seq <= log.lastSeq; seq++) {
      const place = log.place(seq);
      if (!place || !leaving.some((file) => this.lines.isIn(file, place.address))) continue;
      const line = this.lines.read(place.address, place.length);
      const address = this.lines.append(line);
      log.move(seq, address, place.length);
    }
    for (const file of this.state.files.values()) if (file.conversationId === id) this.lines.append(JSON.stringify({ t: 'file', f: file }));
  }

  private runJob(input: CompactionInput): Promise<CompactionResult> {
    if (!this.worker) {
      this.worker = new Worker(new URL('./compaction-worker.mjs', import.meta.url));
      // Between compactions it waits for work; that alone must not keep the process alive.
      this.worker.unref();
    }
    const worker = this.worker;
    const gate = new SharedArrayBuffer(4);
    return new Promise<CompactionResult>((resolve, reject) => {
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        this.worker = null;
        reject(error);
      };
      const onMessage = (reply: WorkerReply) => {
        if ('stopped' in reply) {
          void this.pause(reply.stopped).then(() => {
            Atomics.store(new Int32Array(gate), 0, 1);
            Atomics.notify(new Int32Array(gate), 0);
          });
          return;
        }
        worker.off('message', onMessage);
        worker.off('error', onError);
        if ('done' in reply) resolve(reply.done);
        else reject(new Error(reply.failed));
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ input, stopAt: !!this.options.pauseAt, gate } satisfies WorkerRequest);
    });
  }
}
