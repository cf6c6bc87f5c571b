import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, DAY, T0, text } from './contract/fixtures.js';
import { DataDirBusy } from './data-dir-lock.js';
import { openEmbeddedStore } from './embedded-store.js';
import { repairJournal } from './journal-repair.js';
import { entryText, JOURNAL_FORMAT, JOURNAL_HEADER, JournalDamaged, JournalTooNew } from './journal-replay.js';

/** What only the embedded store's journal does: survive a torn or damaged file. */
describe('embedded store journal', () => {
  it('drops a last line cut short by a crash, with a warning, and appends after what was whole', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    const first = await openEmbeddedStore({ dataDir });
    await first.conversations.save(conversation('c1'));
    await first.messages.append('c1', text('a'));
    await first.close();
    const journal = join(dataDir, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8');
    expect(lines.split('\n')[0]).toBe(JOURNAL_HEADER);
    appendFileSync(journal, '{"t":"msg","c":"c1","m":{"kind":"text","seq":2,"clientId":"torn"');

    const warnings: string[] = [];
    const second = await openEmbeddedStore({ dataDir, warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([expect.stringContaining('incomplete line')]);
    expect((await second.messages.append('c1', text('b'))).message.seq).toBe(2);
    await second.close();
    // The torn tail was truncated, so the new entry starts on a line of its own.
    const after = readFileSync(journal, 'utf8');
    expect(after.startsWith(lines)).toBe(true);
    expect(
      after
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(entryText(line)).t),
    ).toEqual(['journal', 'conv', 'msg', 'msg']);
  });

  it('stops at damage in the middle, naming the file, the line, the byte and how to recover, and changes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    const first = await openEmbeddedStore({ dataDir });
    await first.conversations.save(conversation('c1'));
    await first.messages.append('c1', text('a'));
    await first.messages.append('c1', text('b'));
    await first.close();
    const journal = join(dataDir, 'journal.jsonl');
    const whole = readFileSync(journal, 'utf8');
    const [headerLine, conv, a] = whole.split('\n');
    const damagedAt = Buffer.byteLength(`${headerLine}\n${conv}\n`);
    // A disk error in the middle: bytes of the third line turned to garbage, the rest intact.
    const damaged = `${whole.slice(0, damagedAt)}${a!.slice(0, 10)}\u0000\u0000garbage${whole.slice(damagedAt + a!.length)}`;
    writeFileSync(journal, damaged);

    const error = await openEmbeddedStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalDamaged);
    expect((error as JournalDamaged).message).toContain(`${journal}: line 3 (byte ${damagedAt}) is damaged`);
    expect((error as JournalDamaged).message).toContain(`truncate -s ${damagedAt} ${journal}`);
    // Nothing was cut, and the folder is not left locked.
    expect(readFileSync(journal, 'utf8')).toBe(damaged);
    expect(existsSync(join(dataDir, 'parley.lock'))).toBe(false);

    // Following the advice gives back everything before the damage.
    truncateSync(journal, damagedAt);
    const recovered = await openEmbeddedStore({ dataDir });
    expect(await recovered.conversations.get('c1')).toMatchObject({ id: 'c1', lastSeq: 0 });
    await recovered.close();
  });

  /** A journal with conversation c1 and messages a (seq 1) and b (seq 2); its path and its lines. */
  async function twoMessages() {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    const store = await openEmbeddedStore({ dataDir });
    await store.conversations.save(conversation('c1'));
    await store.messages.append('c1', text('a', 'first words'));
    await store.messages.append('c1', text('b', 'second words'));
    await store.close();
    const journal = join(dataDir, 'journal.jsonl');
    return { dataDir, journal, lines: readFileSync(journal, 'utf8').split('\n') };
  }

  it('finds a changed character inside still-valid JSON by the entry’s checksum, and stops', async () => {
    const { dataDir, journal, lines } = await twoMessages();
    lines[2] = lines[2]!.replace('first words', 'forst words');
    writeFileSync(journal, lines.join('\n'));
    const error = await openEmbeddedStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalDamaged);
    expect((error as Error).message).toMatch(/line 3 .*checksum does not match/);
    expect((error as Error).message).toContain('npm run repair-journal');
  });

  it('drops a last line whose checksum fails (its blocks reached the disk out of order) with a warning', async () => {
    const { dataDir, journal, lines } = await twoMessages();
    lines[3] = lines[3]!.replace('second words', 'sec\u0000nd words');
    writeFileSync(journal, lines.join('\n'));
    const warnings: string[] = [];
    const store = await openEmbeddedStore({ dataDir, warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([expect.stringContaining('checksum does not match')]);
    expect((await store.conversations.get('c1'))?.lastSeq).toBe(1);
    await store.close();
  });

  it('repairs on request: the damaged line is put aside, the rest kept, and the lost message’s place held', async () => {
    const { dataDir, journal, lines } = await twoMessages();
    const damagedLine = lines[2]!.replace('first words', 'forst words');
    lines[2] = damagedLine;
    writeFileSync(journal, lines.join('\n'));

    const report = repairJournal(dataDir, T0)!;
    expect(report.quarantined).toEqual([
      { file: 'journal.jsonl', line: 3, offset: Buffer.byteLength(`${lines[0]}\n${lines[1]}\n`), what: 'message 1 of conversation c1' },
    ]);
    expect(report.lostMessages).toEqual([{ conversationId: 'c1', seq: 1 }]);
    expect(readFileSync(report.quarantineFile, 'utf8')).toBe(`${damagedLine}\n`);
    expect(readFileSync(report.originalFiles[0]!, 'utf8')).toBe(lines.join('\n'));

    const store = await openEmbeddedStore({ dataDir });
    const history = await store.messages.after('c1', 0, 10);
    expect(history.map((m) => [m.seq, m.kind === 'event' ? m.event : m.kind === 'text' ? m.text : m.kind])).toEqual([
      [1, 'message-lost'],
      [2, 'second words'],
    ]);
    // A resend of what was kept is still recognised, and the next message follows on.
    expect((await store.messages.append('c1', text('b', 'second words'))).duplicate).toBe(true);
    expect((await store.messages.append('c1', text('c'))).message.seq).toBe(3);
    await store.close();
    // A journal with nothing damaged is left alone.
    expect(repairJournal(dataDir, T0 + 1)).toBeNull();
  });

  it('repairs a journal from before formats were numbered (no header, no checksums) and it starts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    const message = (seq: number, words: string) => ({ t: 'msg', c: 'c1', m: { ...text(`m${seq}`, words), seq, from: 'visitor' } });
    const lines = [
      JSON.stringify({ t: 'conv', r: { ...conversation('c1') } }),
      `${JSON.stringify(message(1, 'first')).slice(0, 20)}\u0000garbage`,
      JSON.stringify(message(2, 'second')),
    ];
    writeFileSync(join(dataDir, 'journal.jsonl'), `${lines.join('\n')}\n`);
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(JournalDamaged);
    expect(repairJournal(dataDir, T0)?.lostMessages).toEqual([{ conversationId: 'c1', seq: 1 }]);
    const store = await openEmbeddedStore({ dataDir });
    expect((await store.messages.after('c1', 0, 10)).map((m) => (m.kind === 'event' ? m.event : m.kind === 'text' ? m.text : ''))).toEqual([
      'message-lost',
      'second',
    ]);
    await store.close();
  });

  it('refuses a journal written by a newer Parley, in a format it does not know', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    writeFileSync(join(dataDir, 'journal.jsonl'), `${JSON.stringify({ t: 'journal', v: JOURNAL_FORMAT + 1 })}\n`);
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(JournalTooNew);
  });

  it('gives a visitor session from an older journal (no expiry) 30 days from the first start that reads it, recorded once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-sessions-'));
    const journal = join(dataDir, 'journal.jsonl');
    appendFileSync(journal, `${JSON.stringify({ t: 'sess', s: { tokenHash: 'old', kind: 'visitor', visitorId: 'v-old', createdAt: 1 } })}\n`);

    const first = await openEmbeddedStore({ dataDir, now: () => T0 });
    expect(await first.sessions.get('old')).toMatchObject({ visitorId: 'v-old', expiresAt: T0 + 30 * DAY });
    await first.close();
    const linesAfterFirst = readFileSync(journal, 'utf8').split('\n').filter(Boolean).length;
    expect(linesAfterFirst).toBe(2);

    // A later start keeps the recorded expiry rather than granting a new period.
    const second = await openEmbeddedStore({ dataDir, now: () => T0 + 10 * DAY });
    expect(await second.sessions.get('old')).toMatchObject({ expiresAt: T0 + 30 * DAY });
    await second.close();
    expect(readFileSync(journal, 'utf8').split('\n').filter(Boolean)).toHaveLength(linesAfterFirst);

    const third = await openEmbeddedStore({ dataDir, now: () => T0 + 30 * DAY });
    expect(await third.sessions.get('old')).toBeUndefined();
  });

  it('refuses a data folder another running process holds, and takes over the lock of one that died', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'parley.lock'), String(other.pid));
      await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(DataDirBusy);
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }
    // That process is gone now: its lock is stale.
    const store = await openEmbeddedStore({ dataDir });
    expect(readFileSync(join(dataDir, 'parley.lock'), 'utf8')).toBe(String(process.pid));
    await store.close();
    expect(existsSync(join(dataDir, 'parley.lock'))).toBe(false);
  });
});
