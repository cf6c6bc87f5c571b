import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFile } from '@parley/shared/settings';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Directory } from '../config/directory.js';
import { FakeClock } from '../core/fake-clock.js';
import { conversation, DAY, T0, text } from './contract/fixtures.js';
import { openEmbeddedStore } from './embedded-store.js';
import { RETENTION_INTERVAL_MS, RetentionSchedule, retentionPolicy } from './retention-schedule.js';

const rooms = (general: Record<string, unknown>) =>
  new Directory(
    ConfigFile.parse({
      rooms: [
        { name: 'GENERAL', label: 'General', statsKey: 'stats-key-for-tests-0001', ...general },
        { name: 'SALES', label: 'Sales', statsKey: 'stats-key-for-tests-0001', retentionDays: 0 },
        { name: 'SUPPORT', label: 'Support', statsKey: 'stats-key-for-tests-0001' },
      ],
      agents: [],
    }),
  );

describe('retention', () => {
  it('takes the room setting over the server default, 0 meaning for ever', () => {
    expect(retentionPolicy(rooms({ retentionDays: 7 }), 30)).toEqual({ defaultDays: 30, rooms: { GENERAL: 7, SALES: null } });
    expect(retentionPolicy(rooms({}), 0)).toEqual({ defaultDays: null, rooms: { SALES: null } });
  });

  it('deletes conversations, messages and files once they ended longer ago than their room keeps them, wherever they are, and nothing else', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-retention-'));
    const clock = new FakeClock(T0);
    const store = await openEmbeddedStore({ dataDir, now: () => clock.now(), rollBytes: Number.MAX_SAFE_INTEGER });
    const ended = (id: string, room: string, endedAt: number) =>
      conversation(id, { room, visitorId: `v-${id}`, status: 'ended', createdAt: endedAt - 1000, endedAt });
    // Two old ones that reach the history first, then one more in each room and an old chat still open.
    await store.conversations.save(ended('general-old', 'GENERAL', T0));
    await store.messages.append('general-old', text('g1', 'general words'));
    await store.files.put(
      { id: 'file-old-0000000000', name: 'a.png', kind: 'png', mime: 'image/png', size: 3, conversationId: 'general-old', uploadedAt: T0 },
      Buffer.from('abc'),
    );
    await store.conversations.save(ended('sales-old', 'SALES', T0));
    await store.messages.append('sales-old', text('s1', 'sales words'));
    await store.maintenance!.compact();
    await store.conversations.save(ended('support-old', 'SUPPORT', T0 + 1));
    await store.conversations.save(ended('general-recent', 'GENERAL', T0 + 20 * DAY));
    await store.conversations.save(conversation('general-open', { room: 'GENERAL', createdAt: T0 }));
    store.maintenance!.setRetention(retentionPolicy(rooms({ retentionDays: 7 }), 30));

    clock.advance(6 * DAY);
    await store.maintenance!.compact();
    expect(await store.conversations.get('general-old')).toBeDefined();

    clock.advance(2 * DAY);
    await store.maintenance!.compact();
    expect(await store.conversations.get('general-old')).toBeUndefined();
    expect(await store.messages.after('general-old', 0, 10)).toEqual([]);
    expect(await store.files.get('file-old-0000000000')).toBeUndefined();
    expect(existsSync(join(dataDir, 'files', 'file-old-0000000000'))).toBe(false);
    expect(await store.conversations.get('general-recent')).toBeDefined();
    expect(await store.conversations.get('support-old')).toBeDefined();

    clock.advance(23 * DAY);
    await store.maintenance!.compact();
    // SUPPORT follows the server's 30 days; SALES keeps for ever; an open chat is never deleted.
    expect(await store.conversations.get('support-old')).toBeUndefined();
    expect((await store.messages.after('sales-old', 0, 10)).map((m) => (m.kind === 'text' ? m.text : ''))).toEqual(['sales words']);
    expect(await store.conversations.get('general-open')).toBeDefined();
    expect(await store.conversations.get('general-recent')).toBeUndefined();
    await store.close();
    const again = await openEmbeddedStore({ dataDir, now: () => clock.now() });
    expect(await again.conversations.get('general-old')).toBeUndefined();
    expect(await again.conversations.get('sales-old')).toBeDefined();
    expect(readdirSync(join(dataDir, 'files'))).toEqual([]);
    await again.close();
  });

  it('runs once a day on the server clock, with the rooms as they are now', async () => {
    const clock = new FakeClock(T0);
    const calls: string[] = [];
    let directory = rooms({ retentionDays: 7 });
    const maintenance = {
      setRetention: (policy: unknown) => calls.push(`policy ${JSON.stringify(policy)}`),
      compact: async () => {
        calls.push('compact');
      },
      erase: async () => ({ visitors: 0, conversations: 0, files: 0, emails: 0 }),
    };
    const schedule = new RetentionSchedule(maintenance, { rooms: () => directory.rooms() } as Directory, 30, clock, pino({ level: 'silent' }));
    schedule.start();
    expect(calls).toEqual(['policy {"defaultDays":30,"rooms":{"GENERAL":7,"SALES":null}}']);
    clock.advance(RETENTION_INTERVAL_MS - 1);
    expect(calls).toHaveLength(1);
    clock.advance(1);
    expect(calls.at(-1)).toBe('compact');
    directory = rooms({ retentionDays: 2 });
    schedule.settingsChanged();
    expect(calls.at(-1)).toBe('policy {"defaultDays":30,"rooms":{"GENERAL":2,"SALES":null}}');
    clock.advance(RETENTION_INTERVAL_MS);
    expect(calls.filter((call) => call === 'compact')).toHaveLength(2);
    await schedule.stop();
  });
});
