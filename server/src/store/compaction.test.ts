import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENDED, OPEN } from './compaction-crash-child.js';
import { conversation, T0, text } from './contract/fixtures.js';
import { openEmbeddedStore } from './embedded-store.js';
import { repairJournal } from './journal-repair.js';
import { JournalDamaged } from './journal-replay.js';
import type { Store } from './store.js';

const CHILD = fileURLToPath(new URL('./compaction-crash-child.ts', import.meta.url));

/** Runs the child until it stops at `point`, then kills it (-9); resolves with how many changes it had acknowledged. */
function crashAt(dataDir: string, point: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, point], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = 0;
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const match of out.matchAll(/acknowledged (\d+)\n/g)) acknowledged = Number(match[1]);
      if (out.includes(`stopped ${point}\n`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`child exited ${code} before stopping at ${point}:\n${out}`)),
    );
  });
}

async function texts(store: Store, id: string): Promise<string[]> {
  return (await store.messages.after(id, 0, 100)).map((message) => (message.kind === 'text' ? message.text : message.kind));
}

/** Everything the child acknowledged is there, in order, by every way of reading it. */
async function expectWhole(store: Store): Promise<void> {
  for (let c = 0; c < ENDED + OPEN; c++) {
    const id = `c${c}`;
    const expected = [0, 1, 2, 3].map((m) => `words of ${id} number ${m}`);
    if (c === 0) expected.push('late words in an ended chat');
    if (c === ENDED) expected.push('late words in an open chat');
    expect(await texts(store, id)).toEqual(expected);
    expect((await store.conversations.get(id))?.lastSeq).toBe(expected.length);
  }
  expect(await texts(store, 'late')).toEqual(['a chat begun during the compaction']);
  const ofVisitor = await store.conversations.find({ visitorId: 'v1', room: 'GENERAL' });
  expect(ofVisitor.map((record) => record.id)).toEqual(['c1', 'c8', 'c15', 'c22', 'c29', 'late']);
  const open = await store.conversations.find({ open: true });
  expect(open.map((record) => record.id)).toEqual([...Array.from({ length: OPEN }, (_, i) => `c${ENDED + i}`), 'late']);
  // A message sent again (same client id) is known as already stored, wherever it is.
  expect((await store.messages.append('c0', text('late-ended'))).duplicate).toBe(true);
  expect((await store.messages.append('c3', text('c3-m1'))).duplicate).toBe(true);
}

describe('embedded store compaction', () => {
  it('moves ended conversations to the history and reads them back, before and after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-compaction-'));
    const { writeHistory } = await import('./compaction-crash-child.js');
    const store = await openEmbeddedStore({ dataDir, rollBytes: Number.MAX_SAFE_INTEGER });
    await writeHistory(store);
    await store.maintenance!.compact();
    // Written after the compaction: an ended chat brought back by a message, a new chat.
    await store.messages.append('c0', text('late-ended', 'late words in an ended chat'));
    await store.messages.append(`c${ENDED}`, text('late-open', 'late words in an open chat'));
    await store.conversations.save(conversation('late', { visitorId: 'v1', createdAt: 9000 }));
    await store.messages.append('late', text('late-new', 'a chat begun during the compaction'));
    const files = readdirSync(dataDir).sort();
    expect(files).toEqual(expect.arrayContaining(['history.sqlite', 'journal-1.jsonl', 'manifest.json', 'snapshot-1.jsonl']));
    expect(files).not.toContain('journal.jsonl');
    // The ended chats' words left the journal and the snapshot: they are in the history only.
    expect(readFileSync(join(dataDir, 'snapshot-1.jsonl'), 'utf8')).not.toContain('words of c3 number');
    expect(readFileSync(join(dataDir, 'snapshot-1.jsonl'), 'utf8')).toContain(`words of c${ENDED} number 0`);
    await expectWhole(store);
    await store.close();

    const again = await openEmbeddedStore({ dataDir, rollBytes: Number.MAX_SAFE_INTEGER });
    await expectWhole(again);
    await again.maintenance!.compact();
    await expectWhole(again);
    expect((await again.messages.append(`c${ENDED}`, text('after'))).message.seq).toBe(6);
    await again.close();
  });

  it('stops start-up at damage in the snapshot, naming the file, and repair-journal mends it like a journal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-compaction-'));
    const store = await openEmbeddedStore({ dataDir, rollBytes: Number.MAX_SAFE_INTEGER });
    const { writeHistory } = await import('./compaction-crash-child.js');
    await writeHistory(store);
    await store.maintenance!.compact();
    await store.messages.append(`c${ENDED}`, text('after', 'written after the compaction'));
    await store.close();
    const snapshot = join(dataDir, 'snapshot-1.jsonl');
    const bytes = readFileSync(snapshot);
    const at = bytes.indexOf(`words of c${ENDED + 1} number 2`);
    bytes[at] = 'W'.charCodeAt(0);
    writeFileSync(snapshot, bytes);

    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(JournalDamaged);
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(/snapshot-1\.jsonl: line \d+ \(byte \d+\) is damaged/);
    const report = repairJournal(dataDir, T0)!;
    expect(report.quarantined).toEqual([expect.objectContaining({ file: 'snapshot-1.jsonl', what: `message 3 of conversation c${ENDED + 1}` })]);
    expect(report.lostMessages).toEqual([{ conversationId: `c${ENDED + 1}`, seq: 3 }]);
    const repaired = await openEmbeddedStore({ dataDir });
    const messages = await repaired.messages.after(`c${ENDED + 1}`, 0, 10);
    expect(messages.map((m) => (m.kind === 'text' ? m.text : m.kind === 'event' ? m.event : m.kind))).toEqual([
      `words of c${ENDED + 1} number 0`,
      `words of c${ENDED + 1} number 1`,
      'message-lost',
      `words of c${ENDED + 1} number 3`,
    ]);
    expect((await repaired.messages.after(`c${ENDED}`, 4, 10)).map((m) => (m.kind === 'text' ? m.text : ''))).toEqual(['written after the compaction']);
    await repaired.close();
  });

  for (const point of ['rolled', 'history-written', 'snapshot-partial', 'compacted', 'switched']) {
    it(`loses nothing acknowledged when killed (-9) with a compaction stopped at "${point}"`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'parley-compaction-'));
      expect(await crashAt(dataDir, point)).toBe(4);
      const store = await openEmbeddedStore({ dataDir, rollBytes: Number.MAX_SAFE_INTEGER });
      await expectWhole(store);
      // The next compaction finishes the job from whatever the crash left, and the files it named are gone.
      await store.maintenance!.compact();
      await expectWhole(store);
      await store.close();
      const names = readdirSync(dataDir).filter((name) => name.endsWith('.jsonl'));
      const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as { snapshot: string; journals: string[] };
      expect(names.sort()).toEqual([manifest.snapshot, ...manifest.journals].sort());
      expect(existsSync(join(dataDir, 'journal.jsonl'))).toBe(false);
      const reopened = await openEmbeddedStore({ dataDir });
      await expectWhole(reopened);
      await reopened.close();
    });
  }
});
