import { describe, expect, it } from 'vitest';
import { conversation, text } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

/** Conversations and messages: sequence numbers, idempotent client ids, history, claims, lookups. */
export function conversationContract(factory: StoreFactory): void {
  /** A store on a new, empty place. */
  const openFresh = () => factory.place().open();

  describe(`conversations and messages: ${factory.name}`, () => {
    it('numbers messages from 1 without gaps, stores a repeated client id once, and reads after a sequence number', async () => {
      const store = await openFresh();
      await store.conversations.save(conversation('c1'));
      const results = await Promise.all([
        store.messages.append('c1', text('a')),
        store.messages.append('c1', text('b')),
        store.messages.append('c1', text('a', 'changed')),
      ]);
      expect(results.map((r) => [r.message.seq, r.duplicate])).toEqual([
        [1, false],
        [2, false],
        [1, true],
      ]);
      expect(results[2]!.message).toMatchObject({ text: 'a' });
      expect((await store.messages.after('c1', 1, 10)).map((m) => m.clientId)).toEqual(['b']);
      expect(await store.messages.after('c1', 0, 1)).toHaveLength(1);
      expect(await store.messages.after('unknown', 0, 10)).toEqual([]);
      expect((await store.conversations.get('c1'))?.lastSeq).toBe(2);
    });

    it('keeps every message of a long conversation, reads old ones back, and knows an old client id again, open or ended', async () => {
      const store = await openFresh();
      await store.conversations.save(conversation('c1'));
      const ids = Array.from({ length: 300 }, (_, i) => `m${i}`);
      const sent = await Promise.all(ids.map((id) => store.messages.append('c1', text(id, `text of ${id} é ✓`))));
      expect(sent.map((r) => r.message.seq)).toEqual(ids.map((_, i) => i + 1));
      expect(JSON.parse(sent[7]!.json)).toEqual(sent[7]!.message);
      const all = await store.messages.after('c1', 0, 1000);
      expect(all.map((m) => m.clientId)).toEqual(ids);
      expect(all[3]).toMatchObject({ seq: 4, text: 'text of m3 é ✓' });
      expect(await store.messages.append('c1', text('m3', 'again'))).toMatchObject({ duplicate: true, message: { seq: 4, text: 'text of m3 é ✓' } });
      await store.conversations.save(conversation('c1', { status: 'ended' }));
      expect((await store.messages.after('c1', 250, 3)).map((m) => m.seq)).toEqual([251, 252, 253]);
      expect((await store.messages.append('c1', text('m299'))).duplicate).toBe(true);
      expect((await store.conversations.get('c1'))?.lastSeq).toBe(300);
    });

    it('reads back messages still waiting for their write, and knows their client ids', async () => {
      const store = await openFresh();
      await store.conversations.save(conversation('c1'));
      const pending = Array.from({ length: 100 }, (_, i) => store.messages.append('c1', text(`p${i}`)));
      // Nothing awaited yet: the first of them are past the in-memory tail and not yet in the file.
      const early = store.messages.after('c1', 0, 3);
      const again = store.messages.append('c1', text('p1', 'again'));
      expect((await early).map((m) => m.clientId)).toEqual(['p0', 'p1', 'p2']);
      expect(await again).toMatchObject({ duplicate: true, message: { seq: 2 } });
      expect((await Promise.all(pending)).at(-1)?.message.seq).toBe(100);
    });

    it('lets exactly one of two concurrent claims win', async () => {
      const store = await openFresh();
      await store.conversations.save(conversation('c1'));
      const [a, b] = await Promise.all([
        store.conversations.claim('c1', { id: 'alice', name: 'Alice', client: 'browser' }, 5),
        store.conversations.claim('c1', { id: 'bob', name: 'Bob', client: 'mobile' }, 5),
      ]);
      expect([a?.agentId ?? null, b?.agentId ?? null]).toEqual(['alice', null]);
      expect(await store.conversations.get('c1')).toMatchObject({ status: 'active', agentId: 'alice', servedFrom: 'browser', acceptedAt: 5 });
      expect(await store.conversations.claim('missing', { id: 'bob', name: 'Bob', client: 'browser' }, 5)).toBeNull();
    });

    it('finds open conversations oldest first, and a visitor’s conversations in a room', async () => {
      const store = await openFresh();
      await store.conversations.save(conversation('late', { createdAt: 3000 }));
      await store.conversations.save(conversation('early', { createdAt: 1000, status: 'active', agentId: 'alice' }));
      await store.conversations.save(conversation('done', { createdAt: 2000, status: 'ended' }));
      await store.conversations.save(conversation('other', { createdAt: 500, visitorId: 'visitor-2', room: 'SALES' }));
      expect((await store.conversations.find({ open: true })).map((r) => r.id)).toEqual(['other', 'early', 'late']);
      expect((await store.conversations.find({ visitorId: 'visitor-1', room: 'GENERAL' })).map((r) => r.id)).toEqual(['early', 'done', 'late']);
      expect(await store.conversations.find({ visitorId: 'visitor-2', room: 'GENERAL' })).toEqual([]);
    });

    it('lists a room’s conversations that ended within a time window, in order of ending, as they are now', async () => {
      const store = await openFresh();
      const ended = (id: string, endedAt: number, room = 'GENERAL') => conversation(id, { room, status: 'ended', createdAt: endedAt - 100, endedAt });
      await store.conversations.save(ended('second', 2000));
      await store.conversations.save(ended('first', 1000));
      await store.conversations.save(ended('at-the-end', 3000));
      await store.conversations.save(ended('elsewhere', 1500, 'SALES'));
      await store.conversations.save(conversation('still-open', { createdAt: 1200 }));
      await store.conversations.save(ended('reopened', 1800));
      await store.conversations.save(conversation('reopened', { createdAt: 2500 }));
      expect((await store.conversations.endedBetween('GENERAL', 1000, 3000)).map((r) => r.id)).toEqual(['first', 'second']);
      expect((await store.conversations.endedBetween('SALES', 0, 5000)).map((r) => r.id)).toEqual(['elsewhere']);
      expect(await store.conversations.endedBetween('GENERAL', 3001, 9000)).toEqual([]);
    });
  });

  if (factory.durable) {
    describe(`conversations and messages after a restart: ${factory.name}`, () => {
      it('replays everything after a restart', async () => {
        const place = factory.place();
        const first = await place.open();
        await first.conversations.save(conversation('c1'));
        await first.messages.append('c1', text('a'));
        await first.conversations.claim('c1', { id: 'alice', name: 'Alice', client: 'browser' }, 9);
        await first.sessions.save({ tokenHash: 'h1', kind: 'agent', agentId: 'alice', createdAt: 1, expiresAt: Date.now() + 3_600_000 });
        await first.close();

        const second = await place.open();
        expect(await second.conversations.get('c1')).toMatchObject({ status: 'active', agentId: 'alice', lastSeq: 1 });
        expect((await second.messages.append('c1', text('a'))).duplicate).toBe(true);
        expect((await second.messages.append('c1', text('b'))).message.seq).toBe(2);
        expect(await second.sessions.get('h1')).toMatchObject({ agentId: 'alice' });
      });

      it('reads a long conversation back after a restart', async () => {
        const place = factory.place();
        const first = await place.open();
        await first.conversations.save(conversation('c1'));
        await first.conversations.save(conversation('c2'));
        for (let i = 0; i < 100; i++) {
          await Promise.all([first.messages.append('c1', text(`a${i}`)), first.messages.append('c2', text(`b${i}`, `ünïcode ${i}`))]);
        }
        await first.conversations.save(conversation('c1', { status: 'ended' }));
        await first.close();

        const second = await place.open();
        expect((await second.messages.after('c1', 0, 500)).map((m) => m.clientId)).toEqual(Array.from({ length: 100 }, (_, i) => `a${i}`));
        expect((await second.messages.after('c2', 10, 2)).map((m) => [m.seq, m.kind === 'text' && m.text])).toEqual([
          [11, 'ünïcode 10'],
          [12, 'ünïcode 11'],
        ]);
        expect(await second.messages.append('c2', text('b1'))).toMatchObject({ duplicate: true, message: { seq: 2 } });
        expect((await second.messages.append('c2', text('b100'))).message.seq).toBe(101);
        await second.close();
      });
    });
  }
}
