import { describe, expect, it } from 'vitest';
import { email } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

/** The email outbox and agents' preferences. */
export function outboxContract(factory: StoreFactory): void {
  /** A store on a new, empty place. */
  const openFresh = () => factory.place().open();

  describe(`outbox and preferences: ${factory.name}`, () => {
    it('records an email once by id, however often and however concurrently it is added', async () => {
      const store = await openFresh();
      const [first, second] = await Promise.all([
        store.outbox.add([email('a'), email('b'), email('a')]),
        store.outbox.add([email('a', { mail: { ...email('a').mail, text: 'changed' } })]),
      ]);
      expect(first).toEqual(['a', 'b']);
      expect(second).toEqual([]);
      const unfinished = await store.outbox.unfinished();
      expect(unfinished.map((r) => r.id)).toEqual(['a', 'b']);
      expect(unfinished[0]!.mail.text).toBe('Hello');
    });

    it('moves emails on; finished ones keep only their state, and adding them again records nothing', async () => {
      const store = await openFresh();
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

    it('lets one holder at a time claim an unfinished email, until its lease runs out', async () => {
      const store = await openFresh();
      await store.outbox.add([email('a'), email('b')]);
      expect(await store.outbox.claim('a', 'node-1', 60_000)).toBe(true);
      expect(await store.outbox.claim('a', 'node-2', 60_000)).toBe(false);
      expect(await store.outbox.claim('a', 'node-1', 60_000)).toBe(true);
      expect(await store.outbox.claim('never', 'node-1', 60_000)).toBe(false);
      await store.outbox.update('a', { state: 'sent' });
      expect(await store.outbox.claim('a', 'node-1', 60_000)).toBe(false);
      // A holder that dies mid-send: its short lease runs out and another takes the email.
      expect(await store.outbox.claim('b', 'node-1', 150)).toBe(true);
      expect(await store.outbox.claim('b', 'node-2', 60_000)).toBe(false);
      await expect.poll(() => store.outbox.claim('b', 'node-2', 60_000), { timeout: 5_000, interval: 25 }).toBe(true);
      expect(await store.outbox.claim('b', 'node-1', 60_000)).toBe(false);
    });

    it('keeps agents’ preferences', async () => {
      const store = await openFresh();
      expect(await store.preferences.get('alice@test.parley')).toBeUndefined();
      await store.preferences.save('alice@test.parley', { emailAlerts: true });
      expect(await store.preferences.get('alice@test.parley')).toEqual({ emailAlerts: true });
    });
  });

  if (factory.durable) {
    describe(`outbox and preferences after a restart: ${factory.name}`, () => {
      it('finds after a restart every email not finished, in the state it was left, and remembers finished ones', async () => {
        const place = factory.place();
        const first = await place.open();
        await first.outbox.add([email('sent'), email('retrying', { createdAt: 1000 }), email('held', { state: 'held', createdAt: 1001 })]);
        await first.outbox.update('sent', { state: 'sent' });
        await first.outbox.update('retrying', { attempts: 2, nextAttemptAt: 5000, lastError: '421 try later' });
        await first.preferences.save('bob@test.parley', { emailAlerts: true });
        await first.close();

        const second = await place.open();
        expect(await second.outbox.unfinished()).toEqual([
          email('retrying', { createdAt: 1000, attempts: 2, nextAttemptAt: 5000, lastError: '421 try later' }),
          email('held', { state: 'held', createdAt: 1001 }),
        ]);
        expect(await second.outbox.state('sent')).toBe('sent');
        expect(await second.outbox.add([email('sent')])).toEqual([]);
        expect(await second.preferences.get('bob@test.parley')).toEqual({ emailAlerts: true });
      });
    });
  }
}
