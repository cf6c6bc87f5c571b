import type { CompactionPoint } from './compactor.js';
import { conversation, text } from './contract/fixtures.js';
import { openEmbeddedStore } from './embedded-store.js';
import type { Store } from './store.js';

/*
 * compaction.test.ts runs this in a child process and kills it (-9) while a compaction is stopped
 * at the point given: `tsx compaction-crash-child.ts DATA_DIR POINT`. It writes a history, starts a
 * compaction, and while that is stopped writes more (to open and to ended conversations); it says
 * "acknowledged N" for each change the store acknowledged, then "stopped POINT".
 */

const [dataDir, point] = process.argv.slice(2) as [string, CompactionPoint];
let acknowledged = 0;
const ack = () => process.stdout.write(`acknowledged ${++acknowledged}\n`);

export const ENDED = 30;
export const OPEN = 5;

export async function writeHistory(store: Store): Promise<void> {
  for (let c = 0; c < ENDED + OPEN; c++) {
    const id = `c${c}`;
    const ended = c < ENDED;
    await store.conversations.save(
      conversation(id, { visitorId: `v${c % 7}`, createdAt: 1000 + c, status: ended ? 'ended' : 'active', endedAt: ended ? 5000 + c : null }),
    );
    for (let m = 0; m < 4; m++) await store.messages.append(id, text(`${id}-m${m}`, `words of ${id} number ${m}`));
  }
}

if (dataDir && point) {
  let stopped!: () => void;
  const atPoint = new Promise<void>((resolve) => (stopped = resolve));
  const store = await openEmbeddedStore({
    dataDir,
    rollBytes: Number.MAX_SAFE_INTEGER,
    pauseCompactionAt: (reached) => {
      if (reached !== point) return;
      stopped();
      return new Promise<void>(() => {});
    },
  });
  await writeHistory(store);
  ack();
  void store.maintenance!.compact();
  await atPoint;
  // Written while the compaction is stopped: after its roll, so in the new journal.
  await store.messages.append(`c${ENDED}`, text('late-open', 'late words in an open chat'));
  ack();
  await store.messages.append('c0', text('late-ended', 'late words in an ended chat'));
  ack();
  await store.conversations.save(conversation('late', { visitorId: 'v1', createdAt: 9000 }));
  await store.messages.append('late', text('late-new', 'a chat begun during the compaction'));
  ack();
  process.stdout.write(`stopped ${point}\n`);
}
