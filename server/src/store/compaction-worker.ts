import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type CompactionInput, type JobPoint, runCompaction } from './compaction-job.js';

/*
 * The worker thread that runs compactions (compaction-job.ts), one at a time, so that replaying
 * and copying a large journal never pauses the server's event loop. A test can stop it at a point:
 * the worker then says where it is and waits on `gate` until the store lets it go on.
 */

export type WorkerRequest = { input: CompactionInput; stopAt: boolean; gate: SharedArrayBuffer };
export type WorkerReply = { stopped: JobPoint } | { done: Awaited<ReturnType<typeof runCompaction>> } | { failed: string };

// The lowest CPU priority, for this thread only (Linux applies it per thread): on a small machine
// a compaction must not take the core the server's event loop is running on.
try {
  setPriority(19);
} catch {
  // Not allowed here: it runs at the server's priority.
}

const port = parentPort!;
port.on('message', (request: WorkerRequest) => {
  const gate = new Int32Array(request.gate);
  const pause = (point: JobPoint) => {
    if (!request.stopAt) return;
    Atomics.store(gate, 0, 0);
    port.postMessage({ stopped: point } satisfies WorkerReply);
    Atomics.wait(gate, 0, 0);
  };
  runCompaction(request.input, pause).then(
    (done) => port.postMessage({ done } satisfies WorkerReply),
    (error: Error) => port.postMessage({ failed: error.stack ?? error.message } satisfies WorkerReply),
  );
});
