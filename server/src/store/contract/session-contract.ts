import { describe, expect, it } from 'vitest';
import { agentSession, DAY, fileLink, T0, visitorSession } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

/** Sessions: kept by token hash, renewed, removed when expired, and never brought back. */
export function sessionContract(factory: StoreFactory): void {
  /** A store on a new, empty place. */
  const openFresh = () => factory.place().open();

  describe(`sessions: ${factory.name}`, () => {
    it('keeps sessions by token hash and forgets removed ones', async () => {
      const store = await openFresh();
      await store.sessions.save({ tokenHash: 'h1', kind: 'visitor', visitorId: 'v1', createdAt: 1, expiresAt: Date.now() + DAY });
      expect(await store.sessions.get('h1')).toMatchObject({ visitorId: 'v1' });
      await store.sessions.remove('h1');
      expect(await store.sessions.get('h1')).toBeUndefined();
    });

    it.runIf(factory.sessionExpiry === 'ttl')('forgets a session by itself at its expiry, keeps a renewed one, and has nothing to sweep', async () => {
      const store = await openFresh();
      // Redis expires keys on its own clock: real times, a moment ahead.
      const soon = Date.now() + 300;
      await store.sessions.save(visitorSession('short', soon));
      await store.sessions.save(agentSession('long', Date.now() + DAY));
      await store.sessions.save(visitorSession('renewed', soon));
      await store.sessions.save(visitorSession('renewed', Date.now() + DAY));
      expect(await store.sessions.get('short')).toBeDefined();
      await expect.poll(() => store.sessions.get('short'), { timeout: 5_000, interval: 50 }).toBeUndefined();
      expect(await store.sessions.get('long')).toMatchObject({ agentId: 'alice' });
      expect(await store.sessions.get('renewed')).toBeDefined();
      expect(await store.sessions.removeExpired(Date.now() + 2 * DAY)).toBe(0);
      expect(await store.sessions.get('long')).toBeDefined();
    });

    it.runIf(factory.sessionExpiry === 'sweep')('removeExpired removes the expired sessions of every kind and nothing else', async () => {
      const store = await openFresh();
      const sessions = [
        visitorSession('v-old', T0 + 10),
        visitorSession('v-now', T0 + 20),
        visitorSession('v-live', T0 + 21),
        agentSession('a-old', T0 + 5),
        agentSession('a-live', T0 + DAY),
        fileLink('f-old', T0 + 1),
        fileLink('f-live', T0 + 30 * DAY),
      ];
      for (const session of sessions) await store.sessions.save(session);

      expect(await store.sessions.removeExpired(T0 + 20)).toBe(4);
      for (const gone of ['v-old', 'v-now', 'a-old', 'f-old']) expect(await store.sessions.get(gone)).toBeUndefined();
      for (const kept of ['v-live', 'a-live', 'f-live']) expect(await store.sessions.get(kept)).toBeDefined();
      expect(await store.sessions.removeExpired(T0 + 20)).toBe(0);
    });

    it.runIf(factory.sessionExpiry === 'sweep')('removes every expired session of a large set (the embedded store works through it in slices)', async () => {
      const store = await openFresh();
      const saved: Promise<void>[] = [];
      for (let i = 0; i < 40_000; i++) saved.push(store.sessions.save(visitorSession(`v${i}`, i % 4 === 0 ? T0 : T0 + DAY)));
      await Promise.all(saved);
      expect(await store.sessions.removeExpired(T0)).toBe(10_000);
      expect(await store.sessions.get('v0')).toBeUndefined();
      expect(await store.sessions.get('v39996')).toBeUndefined();
      expect(await store.sessions.get('v39999')).toBeDefined();
      expect(await store.sessions.removeExpired(T0)).toBe(0);
    });

    it.runIf(factory.sessionExpiry === 'sweep')('a session saved again with a later expiry (a renewal) outlives its first one', async () => {
      const store = await openFresh();
      await store.sessions.save(visitorSession('v', T0 + 10));
      await store.sessions.save(visitorSession('v', T0 + 100));
      expect(await store.sessions.removeExpired(T0 + 50)).toBe(0);
      expect(await store.sessions.get('v')).toMatchObject({ expiresAt: T0 + 100 });
    });
  });

  if (factory.durable && factory.sessionExpiry === 'sweep') {
    describe(`sessions after a restart: ${factory.name}`, () => {
      it('keeps removals: a restart, even one judged at an earlier time, does not bring them back', async () => {
        const place = factory.place();
        const first = await place.open({ now: () => T0 });
        await first.sessions.save(visitorSession('gone', T0 + 10));
        await first.sessions.save(visitorSession('kept', T0 + DAY));
        await first.sessions.removeExpired(T0 + 10);
        await first.close();

        const second = await place.open({ now: () => T0 });
        expect(await second.sessions.get('gone')).toBeUndefined();
        expect(await second.sessions.get('kept')).toMatchObject({ visitorId: 'id-kept' });
      });

      it('does not bring back sessions that expired while the server was down', async () => {
        const place = factory.place();
        const first = await place.open({ now: () => T0 });
        await first.sessions.save(visitorSession('visitor', T0 + 2 * DAY));
        await first.sessions.save(agentSession('agent', T0 + DAY));
        await first.sessions.save(fileLink('link', T0 + 3 * DAY));
        // Renewed before the stop: the later record is the one that counts.
        await first.sessions.save(visitorSession('renewed', T0 + DAY));
        await first.sessions.save(visitorSession('renewed', T0 + 5 * DAY));
        await first.close();

        const second = await place.open({ now: () => T0 + 2 * DAY });
        expect(await second.sessions.get('visitor')).toBeUndefined();
        expect(await second.sessions.get('agent')).toBeUndefined();
        expect(await second.sessions.get('link')).toMatchObject({ conversationId: 'c1' });
        expect(await second.sessions.get('renewed')).toMatchObject({ expiresAt: T0 + 5 * DAY });
        // Skipped at replay, so nothing in memory is left for a sweep to find.
        expect(await second.sessions.removeExpired(T0 + 2 * DAY)).toBe(0);
      });
    });
  }

  if (factory.durable && factory.sessionExpiry === 'ttl') {
    describe(`sessions after a restart: ${factory.name}`, () => {
      it('keeps live sessions and removals across a restart, and does not bring back one that expired meanwhile', async () => {
        const place = factory.place();
        const first = await place.open();
        await first.sessions.save(visitorSession('kept', Date.now() + DAY));
        await first.sessions.save(visitorSession('gone', Date.now() + DAY));
        await first.sessions.remove('gone');
        await first.sessions.save(agentSession('brief', Date.now() + 200));
        await first.close();

        const second = await place.open();
        expect(await second.sessions.get('kept')).toMatchObject({ visitorId: 'id-kept' });
        expect(await second.sessions.get('gone')).toBeUndefined();
        await expect.poll(() => second.sessions.get('brief'), { timeout: 5_000, interval: 50 }).toBeUndefined();
      });
    });
  }
}
