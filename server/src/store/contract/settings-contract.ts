import { RoomConfig } from '@parley/shared/settings';
import { describe, expect, it } from 'vitest';
import type { SettingsWrite } from '../settings-record.js';
import type { StoreFactory } from './store-factory.js';

const room = (name: string, label = name) => RoomConfig.parse({ name, label, statsKey: 'a-sixteen-char-key' });
const put = (name: string, expectedVersion: number, label = name): SettingsWrite => ({
  kind: 'room',
  id: name,
  value: room(name, label),
  expectedVersion,
  at: 1000,
});
const remove = (name: string, expectedVersion: number): SettingsWrite => ({ kind: 'room', id: name, value: null, expectedVersion, at: 2000 });

/** Settings records with versions (optimistic concurrency), a change feed by revision, and the audit log. */
export function settingsContract(factory: StoreFactory): void {
  /** A store on a new, empty place. */
  const openFresh = () => factory.place().open();

  describe(`settings and audit: ${factory.name}`, () => {
    it('writes a record only from the version it is at, and answers a stale write with the current record', async () => {
      const store = await openFresh();
      const created = await store.settings.write([put('GENERAL', 0, 'General')]);
      expect(created).toMatchObject({ ok: true, records: [{ kind: 'room', id: 'GENERAL', version: 1, value: { label: 'General' } }] });
      expect(await store.settings.write([put('GENERAL', 0, 'Again')])).toMatchObject({
        ok: false,
        id: 'GENERAL',
        current: { version: 1, value: { label: 'General' } },
      });
      expect(await store.settings.write([put('GENERAL', 1, 'Help desk')])).toMatchObject({ ok: true, records: [{ version: 2 }] });
      expect(await store.settings.write([put('GENERAL', 1, 'Lost update')])).toMatchObject({
        ok: false,
        current: { version: 2, value: { label: 'Help desk' } },
      });
      expect((await store.settings.all()).map((r) => [r.id, r.version, r.kind === 'room' && r.value.label])).toEqual([['GENERAL', 2, 'Help desk']]);
    });

    it('writes a batch checked as of a revision only if nothing was written after it', async () => {
      const store = await openFresh();
      const first = await store.settings.write([put('A', 0)], 0);
      expect(first).toMatchObject({ ok: true });
      const revision = first.ok ? first.records[0]!.revision : -1;
      // Another writer's save lands first: a batch checked before it is refused whole.
      await store.settings.write([put('B', 0)]);
      expect(await store.settings.write([put('C', 0)], revision)).toEqual({ ok: false, reason: 'revision' });
      expect(await store.settings.write([put('C', 0)], 0)).toEqual({ ok: false, reason: 'revision' });
      expect((await store.settings.all()).map((r) => r.id).sort()).toEqual(['A', 'B']);
      const latest = Math.max(...(await store.settings.changesAfter(0)).map((c) => c.revision));
      expect(await store.settings.write([put('C', 0)], latest)).toMatchObject({ ok: true });
    });

    it('applies a batch of writes all or nothing', async () => {
      const store = await openFresh();
      await store.settings.write([put('A', 0)]);
      expect(await store.settings.write([put('B', 0), put('A', 5)])).toMatchObject({ ok: false, id: 'A', current: { version: 1 } });
      expect((await store.settings.all()).map((r) => r.id)).toEqual(['A']);
      expect(await store.settings.write([put('B', 0), put('A', 1, 'A again')])).toMatchObject({ ok: true });
      expect((await store.settings.all()).map((r) => r.id).sort()).toEqual(['A', 'B']);
    });

    it('deletes from the right version, reports deletions by revision, and a record made again counts on from the deleted one', async () => {
      const store = await openFresh();
      await store.settings.write([put('A', 0), put('B', 0)]);
      const [first] = await store.settings.changesAfter(0);
      expect(await store.settings.write([remove('A', 3)])).toMatchObject({ ok: false, current: { version: 1 } });
      expect(await store.settings.write([remove('A', 1)])).toMatchObject({ ok: true });
      const changes = await store.settings.changesAfter(first!.revision);
      expect(changes.map((c) => [c.id, c.value === null])).toEqual([
        ['B', false],
        ['A', true],
      ]);
      expect(changes[1]!.revision).toBeGreaterThan(changes[0]!.revision);
      expect((await store.settings.all()).map((r) => r.id)).toEqual(['B']);
      // A client still holding version 1 of the deleted room cannot overwrite the new one.
      expect(await store.settings.write([put('A', 0, 'New A')])).toMatchObject({ ok: true, records: [{ version: 3 }] });
      expect(await store.settings.write([put('A', 1, 'Stale')])).toMatchObject({ ok: false, current: { version: 3 } });
    });

    it('keeps an audit log per subject, newest first', async () => {
      const store = await openFresh();
      for (let i = 1; i <= 5; i++) {
        await store.audit.append({
          at: i,
          actor: 'admin:ann@example.com',
          subject: 'room:GENERAL',
          action: 'update',
          changes: [{ path: 'label', from: `${i - 1}`, to: `${i}` }],
        });
      }
      await store.audit.append({ at: 9, actor: 'system', subject: 'room:SALES', action: 'create', changes: [] });
      expect((await store.audit.list('room:GENERAL', 3)).map((e) => e.at)).toEqual([5, 4, 3]);
      expect(await store.audit.list('room:NONE', 3)).toEqual([]);
    });
  });

  if (factory.durable) {
    describe(`settings and audit after a restart: ${factory.name}`, () => {
      it('finds every record at its version, deletions and the audit log, and goes on from the last revision', async () => {
        const place = factory.place();
        const first = await place.open();
        await first.settings.write([put('A', 0), put('B', 0)]);
        await first.settings.write([put('A', 1, 'A two'), remove('B', 1)]);
        await first.audit.append({ at: 1, actor: 'system', subject: 'room:A', action: 'create', changes: [] });
        const revision = Math.max(...(await first.settings.changesAfter(0)).map((c) => c.revision));
        await first.close();

        const second = await place.open();
        expect((await second.settings.all()).map((r) => [r.id, r.version, r.kind === 'room' && r.value.label])).toEqual([['A', 2, 'A two']]);
        expect(await second.audit.list('room:A', 10)).toHaveLength(1);
        const next = await second.settings.write([put('C', 0)]);
        expect(next.ok && next.records[0]!.revision).toBeGreaterThan(revision);
        expect(await second.settings.write([put('B', 0)])).toMatchObject({ ok: true, records: [{ version: 3 }] });
      });
    });
  }
}
