import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFile } from '@parley/shared/settings';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SettingsChangeEvent } from '../config/settings-change.js';
import { FakeClock } from '../core/fake-clock.js';
import { openEmbeddedStore } from '../store/embedded-store.js';
import { Settings } from './settings.js';

const HASH = `scrypt$32768$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;
const log = pino({ level: 'silent' });

const seedFile = (label = 'General') =>
  ConfigFile.parse({
    publicProfile: { companyName: 'Acme' },
    rooms: [
      { name: 'GENERAL', label, statsKey: 'general-stats-key-0001' },
      { name: 'SALES', label: 'Sales', statsKey: 'sales-stats-key-00001' },
    ],
    agents: [{ id: 'Ann@Example.com', name: 'Ann', passwordHash: HASH, rooms: ['GENERAL', 'SALES'] }],
    admins: [{ id: 'root@example.com', name: 'Root', passwordHash: HASH }],
  });

async function open(dataDir = mkdtempSync(join(tmpdir(), 'parley-settings-')), file = seedFile()) {
  const clock = new FakeClock(Date.UTC(2026, 11, 5));
  const store = await openEmbeddedStore({ dataDir });
  const settings = await Settings.open(store, clock, log, { file, path: 'parley.config.json' });
  return { settings, store, clock, dataDir };
}

describe('settings in the store', () => {
  it('seeds an empty store from the file once; after that the store is the source of truth', async () => {
    const first = await open();
    expect(first.settings.directory.room('GENERAL')?.label).toBe('General');
    expect(first.settings.admin('ROOT@example.com')?.name).toBe('Root');
    const room = first.settings.get('room', 'GENERAL')!;
    await first.settings.save(
      [{ kind: 'room', id: 'GENERAL', value: { ...room.value, label: 'Help desk' }, expectedVersion: room.version }],
      'admin:root@example.com',
      'update',
    );
    await first.store.close();

    const second = await open(first.dataDir, seedFile('A label the file has now'));
    expect(second.settings.directory.room('GENERAL')?.label).toBe('Help desk');
    expect(second.settings.toFile()).toMatchObject({
      publicProfile: { companyName: 'Acme' },
      rooms: [{ label: 'Help desk' }, { name: 'SALES' }],
      admins: [{ id: 'root@example.com' }],
    });
  });

  it('checks a save against the whole configuration, and says which record and field is wrong', async () => {
    const { settings } = await open();
    const sales = settings.get('room', 'SALES')!;
    // SALES is one of Ann's rooms: deleting it alone would leave her naming a room that does not exist.
    const alone = await settings.save([{ kind: 'room', id: 'SALES', value: null, expectedVersion: sales.version }], 'admin:root@example.com', 'delete');
    expect(alone).toEqual({ ok: false, reason: 'invalid', issues: [{ record: 'agent:ann@example.com', path: 'rooms[1]', message: 'no room is named SALES' }] });
    const general = settings.get('room', 'GENERAL')!;
    const bad = await settings.save(
      [{ kind: 'room', id: 'GENERAL', value: { ...general.value, capacityPerAgent: 0, theme: { primaryColor: 'red' } }, expectedVersion: general.version }],
      'admin:root@example.com',
      'update',
    );
    expect(bad.ok === false && bad.reason === 'invalid' && bad.issues.map((i) => [i.record, i.path])).toEqual([
      ['room:GENERAL', 'capacityPerAgent'],
      ['room:GENERAL', 'theme.primaryColor'],
    ]);
    expect(settings.directory.room('GENERAL')?.capacityPerAgent).toBe(1);
  });

  it('refuses a save made from an older version and returns the current record; the first save wins', async () => {
    const { settings } = await open();
    const seen = settings.get('room', 'GENERAL')!;
    const first = await settings.save(
      [{ kind: 'room', id: 'GENERAL', value: { ...seen.value, label: 'First' }, expectedVersion: seen.version }],
      'admin:a@example.com',
      'update',
    );
    const second = await settings.save(
      [{ kind: 'room', id: 'GENERAL', value: { ...seen.value, label: 'Second' }, expectedVersion: seen.version }],
      'admin:b@example.com',
      'update',
    );
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      reason: 'conflict',
      kind: 'room',
      id: 'GENERAL',
      current: { version: seen.version + 1, value: { label: 'First' } },
    });
    expect(settings.directory.room('GENERAL')?.label).toBe('First');
  });

  it('records who changed which field, never a secret, and tells listeners before and after', async () => {
    const { settings, store, clock } = await open();
    const heard: SettingsChangeEvent[] = [];
    settings.onChange((change) => heard.push(change));
    const room = settings.get('room', 'GENERAL')!;
    clock.advance(60_000);
    await settings.save(
      [{ kind: 'room', id: 'GENERAL', value: { ...room.value, label: 'Help', statsKey: 'a-brand-new-stats-key' }, expectedVersion: room.version }],
      'admin:root@example.com',
      'update',
    );
    expect(await store.audit.list('room:GENERAL', 5)).toEqual([
      {
        at: Date.UTC(2026, 11, 5) + 60_000,
        actor: 'admin:root@example.com',
        subject: 'room:GENERAL',
        action: 'update',
        changes: [
          { path: 'label', from: 'General', to: 'Help' },
          { path: 'statsKey', from: '(secret)', to: '(changed)' },
        ],
      },
    ]);
    expect(heard).toEqual([
      { kind: 'room', id: 'GENERAL', before: expect.objectContaining({ label: 'General' }), after: expect.objectContaining({ label: 'Help' }) },
    ]);
  });
});
