import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from './embedded-store.js';
import type { SessionRecord, Store } from './store.js';

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 0, 5);

const visitor = (tokenHash: string, expiresAt: number): SessionRecord => ({ tokenHash, kind: 'visitor', visitorId: `id-${tokenHash}`, createdAt: T0, expiresAt });
const agent = (tokenHash: string, expiresAt: number): SessionRecord => ({ tokenHash, kind: 'agent', agentId: 'alice', createdAt: T0, expiresAt });
const files = (tokenHash: string, expiresAt: number): SessionRecord => ({ tokenHash, kind: 'files', conversationId: 'c1', createdAt: T0, expiresAt });

const factories: [string, () => Promise<Store>][] = [
  ['memory', () => openEmbeddedStore()],
  ['embedded (journal)', () => openEmbeddedStore({ dataDir: mkdtempSync(join(tmpdir(), 'parley-sessions-')) })],
];

describe.each(factories)('session store contract: %s', (_name, open) => {
  it('removeExpired removes the expired sessions of every kind and nothing else', async () => {
    const store = await open();
    const sessions = [visitor('v-old', T0 + 10), visitor('v-now', T0 + 20), visitor('v-live', T0 + 21), agent('a-old', T0 + 5), agent('a-live', T0 + DAY), files('f-old', T0 + 1), files('f-live', T0 + 30 * DAY)];
    for (const session of sessions) await store.sessions.save(session);

    expect(await store.sessions.removeExpired(T0 + 20)).toBe(4);
    for (const gone of ['v-old', 'v-now', 'a-old', 'f-old']) expect(await store.sessions.get(gone)).toBeUndefined();
    for (const kept of ['v-live', 'a-live', 'f-live']) expect(await store.sessions.get(kept)).toBeDefined();
    expect(await store.sessions.removeExpired(T0 + 20)).toBe(0);
  });

  it('removes every expired session of a large set (the embedded store works through it in slices)', async () => {
    const store = await open();
    const saved: Promise<void>[] = [];
    for (let i = 0; i < 40_000; i++) saved.push(store.sessions.save(visitor(`v${i}`, i % 4 === 0 ? T0 : T0 + DAY)));
    await Promise.all(saved);
    expect(await store.sessions.removeExpired(T0)).toBe(10_000);
    expect(await store.sessions.get('v0')).toBeUndefined();
    expect(await store.sessions.get('v39996')).toBeUndefined();
    expect(await store.sessions.get('v39999')).toBeDefined();
    expect(await store.sessions.removeExpired(T0)).toBe(0);
  });

  it('a session saved again with a later expiry (a renewal) outlives its first one', async () => {
    const store = await open();
    await store.sessions.save(visitor('v', T0 + 10));
    await store.sessions.save(visitor('v', T0 + 100));
    expect(await store.sessions.removeExpired(T0 + 50)).toBe(0);
    expect(await store.sessions.get('v')).toMatchObject({ expiresAt: T0 + 100 });
  });
});

describe('embedded store: session expiry across restarts', () => {
  it('records removals in the journal: a replay, even one judged at an earlier time, does not bring them back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-sessions-'));
    const first = await openEmbeddedStore({ dataDir, now: () => T0 });
    await first.sessions.save(visitor('gone', T0 + 10));
    await first.sessions.save(visitor('kept', T0 + DAY));
    await first.sessions.removeExpired(T0 + 10);
    await first.close();

    const second = await openEmbeddedStore({ dataDir, now: () => T0 });
    expect(await second.sessions.get('gone')).toBeUndefined();
    expect(await second.sessions.get('kept')).toMatchObject({ visitorId: 'id-kept' });
  });

  it('does not bring back sessions that expired while the server was down', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-sessions-'));
    const first = await openEmbeddedStore({ dataDir, now: () => T0 });
    await first.sessions.save(visitor('visitor', T0 + 2 * DAY));
    await first.sessions.save(agent('agent', T0 + DAY));
    await first.sessions.save(files('link', T0 + 3 * DAY));
    // Renewed before the stop: the later record is the one that counts.
    await first.sessions.save(visitor('renewed', T0 + DAY));
    await first.sessions.save(visitor('renewed', T0 + 5 * DAY));
    await first.close();

    const second = await openEmbeddedStore({ dataDir, now: () => T0 + 2 * DAY });
    expect(await second.sessions.get('visitor')).toBeUndefined();
    expect(await second.sessions.get('agent')).toBeUndefined();
    expect(await second.sessions.get('link')).toMatchObject({ conversationId: 'c1' });
    expect(await second.sessions.get('renewed')).toMatchObject({ expiresAt: T0 + 5 * DAY });
    // Skipped at replay, so nothing in memory is left for a sweep to find.
    expect(await second.sessions.removeExpired(T0 + 2 * DAY)).toBe(0);
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
});
