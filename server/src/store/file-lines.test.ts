import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLines } from './file-lines.js';

describe('a file’s lines, read a chunk at a time', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('gives every whole line with its place, across chunk boundaries, and leaves out a torn end', () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-lines-'));
    folders.push(folder);
    const path = join(folder, 'journal.jsonl');
    // 3 MB of lines of varied lengths (some cross the 1 MiB chunk boundaries), multi-byte text in them, then a torn end.
    const written = Array.from({ length: 3000 }, (_, i) => `{"n":${i},"text":"${'é'.repeat(i % 700)}"}`);
    writeFileSync(path, `${written.join('\n')}\n{"torn":`);
    const lines = [...fileLines(path)];
    expect(lines.map((line) => line.raw.toString('utf8'))).toEqual(written);
    expect(lines.map((line) => line.number)).toEqual(written.map((_, i) => i + 1));
    const bytes = readFileSync(path);
    for (const line of [lines[0]!, lines[1500]!, lines.at(-1)!]) {
      expect(bytes.subarray(line.offset, line.offset + line.raw.length).equals(line.raw)).toBe(true);
    }
  });
});
