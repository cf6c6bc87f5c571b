import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from './embedded-store.js';
import type { OutboxRecord } from './outbox-record.js';
import type { Store } from './store.js';

function email(id: string, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id,
    kind: 'transcript',
    room: 'GENERAL',
    mail: {
      from: { name: 'Acme', address: 'chat@acme.test' },
      to: 'dana@example.com',
      replyTo: null,
      subject: 'Your chat',
      text: 'Hello',
      html: null,
      messageId: `<${id}@acme.test>`,
      date: 1000,
    },
    hold: null,
    state: 'pending',
    createdAt: 1000,
    attempts: 0,
    nextAttemptAt: 1000,
    lastError: null,
    ...overrides,
  };
}

const factories: [string, () => Promise<Store>][] = [
  ['memory', () => openEmbeddedStore()],
  ['embedded (journal)', () => openEmbeddedStore({ dataDir: mkdtempSync(join(tmpdir(), 'parley-outbox-')) })],
];

describe.each(factories)('outbox and preferences contract: %s', (_name, open) => {
  it('records an email once by id, however often and however concurrently it is added', async () => {
    const store = await open();
    const [first, second] = await Promise.all([store.outbox.add([email('a'), email('b'), email('a')]), store.outbox.add([email('a', { mail: { ...email('a').mail, text: 'changed' } })])]);
    expect(first).toEqual(['a', 'b']);
    expect(second).toEqual([]);
    const unfinished = await store.outbox.unfinished();
    expect(unfinished.map((r) => r.id)).toEqual(['a', 'b']);
    expect(unfinished[0]!.mail.text).toBe('Hello');
  });

  it('moves emails on; finished ones keep only their state, and adding them again records nothing', async () => {
    const store = await open();
    await store.outbox.add([email('late', { createdAt: 3000 }), email('early', { createdAt: 2000 }), email('held', { state: 'held', createdAt: 2500 })]);
    await store.outbox.update('early', { attempts: 1, nextAttemptAt: 9000, lastError: 'connection refused' });
    expect((await store.outbox.unfinished()).map((r) => [r.id, r.state, r.attempts])).toEqual([
      ['early', 'pending', 1],
      ['held', 'held', 0],
      ['late', 'pending', 0],
    ]);
    await store.outbox.update('early', { state: 'sent' });
    await store.outbox.update('held', { state: 'cancelled' });
    expect(await store.outbox.state('early')).toBe('sent');
    expect(await store.outbox.state('held')).toBe('cancelled');
    expect(await store.outbox.state('never')).toBeUndefined();
    expect(await store.outbox.add([email('early')])).toEqual([]);
    expect((await store.outbox.unfinished()).map((r) => r.id)).toEqual(['late']);
    await store.outbox.update('early', { state: 'pending' });
    expect(await store.outbox.state('early')).toBe('sent');
  });

  it('keeps agents’ preferences', async () => {
    const store = await open();
    expect(await store.preferences.get('alice@test.parley')).toBeUndefined();
    await store.preferences.save('alice@test.parley', { emailAlerts: true });
    expect(await store.preferences.get('alice@test.parley')).toEqual({ emailAlerts: true });
  });
});

describe('the outbox in the journal', () => {
  it('finds after a restart every email not finished, in the state it was left, and remembers finished ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-outbox-'));
    const first = await openEmbeddedStore({ dataDir });
    await first.outbox.add([email('sent'), email('retrying'), email('held', { state: 'held' })]);
    await first.outbox.update('sent', { state: 'sent' });
    await first.outbox.update('retrying', { attempts: 2, nextAttemptAt: 5000, lastError: '421 try later' });
    await first.preferences.save('bob@test.parley', { emailAlerts: true });
    await first.close();

    const second = await openEmbeddedStore({ dataDir });
    expect(await second.outbox.unfinished()).toEqual([email('retrying', { attempts: 2, nextAttemptAt: 5000, lastError: '421 try later' }), email('held', { state: 'held' })]);
    expect(await second.outbox.state('sent')).toBe('sent');
    expect(await second.outbox.add([email('sent')])).toEqual([]);
    expect(await second.preferences.get('bob@test.parley')).toEqual({ emailAlerts: true });
  });
});
