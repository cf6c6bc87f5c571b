import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskUsage } from './disk-usage.js';

describe('the store’s size on disk, as parley_store_bytes reads it', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('counts the top files at every look and the attachments at most once a minute', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-usage-'));
    folders.push(folder);
    writeFileSync(join(folder, 'journal-1.jsonl'), 'x'.repeat(100));
    mkdirSync(join(folder, 'files', 'ab'), { recursive: true });
    writeFileSync(join(folder, 'files', 'ab', 'one'), 'y'.repeat(1000));
    let now = 0;
    const usage = new DiskUsage(folder, () => now);
    expect(await usage.bytes()).toBe(1100);

    // The journal grows: seen at once. A new attachment: seen once the minute is over.
    appendFileSync(join(folder, 'journal-1.jsonl'), 'x'.repeat(50));
    writeFileSync(join(folder, 'files', 'ab', 'two'), 'z'.repeat(500));
    now = 59_999;
    expect(await usage.bytes()).toBe(1150);
    now = 60_000;
    expect(await usage.bytes()).toBe(1650);

    // Scrapes at the same moment share one walk.
    now = 120_000;
    const [a, b] = await Promise.all([usage.bytes(), usage.bytes()]);
    expect([a, b]).toEqual([1650, 1650]);
  });

  it('counts nothing for a folder that is gone', async () => {
    expect(await new DiskUsage(join(tmpdir(), 'parley-usage-none-here'), () => 0).bytes()).toBe(0);
  });
});
