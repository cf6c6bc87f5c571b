import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../core/fake-clock.js';
import { hashToken } from '../core/random-id.js';
import { openEmbeddedStore } from '../store/embedded-store.js';
import { entryText } from '../store/journal-replay.js';
import { SessionSweep, SWEEP_INTERVAL_MS } from './session-sweep.js';
import { Sessions } from './sessions.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const lifetimes = { agentMs: 12 * HOUR, visitorIdleMs: 30 * DAY };
/** Every agent and admin may hold sessions (these tests are about expiry). */
const everyone = { agent: () => ({ disabled: false }), admin: () => ({}) };

async function setUp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-session-expiry-'));
  const clock = new FakeClock();
  const store = await openEmbeddedStore({ dataDir, now: () => clock.now() });
  const sessions = new Sessions(store.sessions, clock, everyone, lifetimes);
  // Changes written: the journal's lines but its format header.
  const journalLines = () =>
    readFileSync(join(dataDir, 'journal.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line && JSON.parse(entryText(line)).t !== 'journal').length;
  return { clock, store, sessions, journalLines };
}

describe('visitor sessions expire after a period without visits', () => {
  it('a reconnect storm writes nothing: the session is renewed only once more than a day has passed since the last renewal', async () => {
    const { clock, store, sessions, journalLines } = await setUp();
    const first = await sessions.visitor(undefined);
    const minted = clock.now();
    expect(journalLines()).toBe(1);

    for (let i = 0; i < 50; i++) {
      clock.advance(HOUR / 3); // 50 reconnects over about 17 hours
      expect((await sessions.visitor(first.token)).visitorId).toBe(first.visitorId);
    }
    expect(journalLines()).toBe(1);
    expect((await store.sessions.get(hashToken(first.token)))?.expiresAt).toBe(minted + 30 * DAY);

    clock.advance(8 * HOUR); // now more than a day after minting
    await sessions.visitor(first.token);
    expect(journalLines()).toBe(2);
    expect((await store.sessions.get(hashToken(first.token)))?.expiresAt).toBe(clock.now() + 30 * DAY);
    await sessions.visitor(first.token);
    expect(journalLines()).toBe(2);
  });

  it('a visitor seen every few weeks keeps their session for months; after 30 days away the token is unknown', async () => {
    const { clock, sessions } = await setUp();
    const first = await sessions.visitor(undefined);
    for (let visit = 0; visit < 6; visit++) {
      clock.advance(29 * DAY);
      expect(await sessions.visitor(first.token)).toMatchObject({ visitorId: first.visitorId, token: first.token, isNew: false });
    }
    clock.advance(30 * DAY);
    const after = await sessions.visitor(first.token);
    expect(after.isNew).toBe(true);
    expect(after.token).not.toBe(first.token);
    expect(after.visitorId).not.toBe(first.visitorId);
    // Nor does it open the visitor's files over HTTP.
    expect(await sessions.party(first.token)).toBeNull();
    expect(await sessions.party(after.token)).toEqual({ kind: 'visitor', visitorId: after.visitorId });
  });

  it('a short period renews after a thirtieth of it', async () => {
    const { clock, store } = await setUp();
    const sessions = new Sessions(store.sessions, clock, everyone, { ...lifetimes, visitorIdleMs: DAY });
    const first = await sessions.visitor(undefined);
    const minted = clock.now();
    clock.advance(DAY / 30);
    await sessions.visitor(first.token);
    expect((await store.sessions.get(hashToken(first.token)))?.expiresAt).toBe(minted + DAY);
    clock.advance(1);
    await sessions.visitor(first.token);
    expect((await store.sessions.get(hashToken(first.token)))?.expiresAt).toBe(clock.now() + DAY);
  });
});

describe('the session sweep', () => {
  it('removes expired sessions of each kind on the clock, and keeps live ones', async () => {
    const { clock, store, sessions } = await setUp();
    const sweep = new SessionSweep(store.sessions, clock, pino({ level: 'silent' }));
    sweep.start();
    const returning = await sessions.visitor(undefined);
    const gone = await sessions.visitor(undefined);
    const agent = await sessions.signInAgent('alice');
    const link = await sessions.grantFiles('c1', clock.now() + 2 * DAY);
    const present = (token: string) => store.sessions.get(hashToken(token)).then(Boolean);

    clock.advance(DAY + HOUR); // the agent's 12 hours are over
    await sessions.visitor(returning.token); // renewed: 30 days from now
    await sweep.stop(); // waits for the sweeps that ran during advance
    expect(await present(agent.token)).toBe(false);
    expect(await present(link)).toBe(true);

    sweep.start();
    clock.advance(2 * DAY);
    await sweep.stop();
    expect(await present(link)).toBe(false);
    expect([await present(returning.token), await present(gone.token)]).toEqual([true, true]);

    sweep.start();
    clock.advance(27 * DAY); // 30 days and an hour since the first visit
    await sweep.stop();
    expect([await present(returning.token), await present(gone.token)]).toEqual([true, false]);

    sweep.start();
    clock.advance(DAY + SWEEP_INTERVAL_MS);
    await sweep.stop();
    expect(await present(returning.token)).toBe(false);
    expect(await sessions.agent(agent.token)).toBeNull();
    expect(await sessions.filesGrant(link)).toBeNull();
  });

  it('sweeps only on its interval, and not after stop', async () => {
    const { clock, store, sessions } = await setUp();
    const sweep = new SessionSweep(store.sessions, clock, pino({ level: 'silent' }));
    const agent = await sessions.signInAgent('alice');
    clock.advance(12 * HOUR);
    sweep.start();
    clock.advance(SWEEP_INTERVAL_MS - 1);
    expect(await store.sessions.get(hashToken(agent.token))).toBeDefined();
    await sweep.stop();
    expect(clock.pending()).toBe(0);
    clock.advance(10 * DAY);
    expect(await store.sessions.get(hashToken(agent.token))).toBeDefined();
    expect(await sweep.sweep()).toBe(1);
  });
});
