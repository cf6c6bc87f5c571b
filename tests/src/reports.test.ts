import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFile } from '@parley/shared/settings';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/core/fake-clock.js';
import { signInAdmin } from './support/admin-client.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent } from './support/parties.js';
import { testFile } from './support/test-config.js';
import { startVisitorChat, visitorSays } from './support/visitor-chat.js';

const file = ConfigFile.parse({
  ...testFile,
  rooms: testFile.rooms.map((room) =>
    room.name === 'GENERAL' ? { ...room, resultCodes: ['Sale', 'Refund'], serviceLevels: { firstResponseSeconds: 2 } } : room,
  ),
});

describe('a room’s day report (GET /api/admin/rooms/:name/report)', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });

  it('counts chats, misses, waits, first responses, durations and result codes, as JSON and CSV, and the same after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-report-'));
    const clock = new FakeClock(Date.UTC(2026, 11, 5, 9, 0, 0));
    const server = await startTestServer({ transport: 'ws', store: 'embedded', dataDir, file, clock });
    servers.push(server);
    const alice = await connectAgent(server, 'alice@test.parley');

    // Two answered chats (waits of 4 s and 10 s, first replies after 2 s and 3 s: one on time (at the
    // room's 2 s target), one late), one missed.
    const chat = async (wait: number, reply: number, length: number, code: string) => {
      const visitor = await startVisitorChat(server, { form: { name: `V${wait}` } });
      clock.advance(wait);
      alice.client.send({ type: 'accept', conversationId: visitor.conversationId });
      await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
      await visitorSays(visitor, `q-${wait}`, 'Hello?');
      clock.advance(reply);
      alice.client.send({ type: 'message', conversationId: visitor.conversationId, clientId: `a-${wait}`, text: 'Hi!' });
      await alice.client.next('ack', (f) => f.clientId === `a-${wait}`);
      clock.advance(length - reply);
      alice.client.send({ type: 'end', conversationId: visitor.conversationId });
      await visitor.client.next('conversation', (f) => f.conversation.status === 'ended');
      alice.client.send({ type: 'disposition', conversationId: visitor.conversationId, code, note: 'ok' });
      await alice.client.next('conversation', (f) => f.conversation.id === visitor.conversationId && f.conversation.disposition?.code === code);
      alice.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
      visitor.client.close();
    };
    await chat(4_000, 2_000, 60_000, 'Sale');
    await chat(10_000, 3_000, 120_000, 'Refund');
    alice.client.send({ type: 'status', status: 'TAKING_BREAK' });
    const missed = await startVisitorChat(server, { form: { name: 'Gone' } });
    clock.advance(30_000);
    missed.client.send({ type: 'end', conversationId: missed.conversationId });
    await missed.client.next('conversation', (f) => f.conversation.status === 'ended');

    const admin = await signInAdmin(server.http);
    const expected = {
      room: 'GENERAL',
      date: '2026-12-05',
      timeZone: 'UTC',
      chats: 3,
      answered: 2,
      missed: 1,
      medianWaitMs: 4_000,
      p90WaitMs: 10_000,
      medianFirstResponseMs: 2_000,
      serviceLevelMetPercent: 50,
      medianDurationMs: 60_000,
      results: { Sale: 1, Refund: 1, none: 0 },
    };
    expect((await admin.get('/api/admin/rooms/GENERAL/report')).body).toEqual(expected);
    const csv = await admin.get('/api/admin/rooms/GENERAL/report?date=2026-12-05&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('parley-GENERAL-2026-12-05.csv');
    expect(String(csv.body).split('\r\n')).toEqual([
      'date,room,chats,answered,missed,median_wait_s,p90_wait_s,median_first_response_s,sla_met_percent,median_duration_s,result:Sale,result:Refund,result:none',
      '2026-12-05,GENERAL,3,2,1,4.0,10.0,2.0,50,60.0,1,1,0',
      '',
    ]);
    // Another day has nothing; a bad date is refused.
    expect((await admin.get('/api/admin/rooms/GENERAL/report?date=2026-12-04')).body).toMatchObject({ chats: 0, medianWaitMs: null });
    expect((await admin.get('/api/admin/rooms/GENERAL/report?date=yesterday')).status).toBe(400);

    // Made from what is stored: a restarted server (after a compaction) reports the same.
    await server.store.maintenance!.compact();
    alice.client.close();
    await server.stop();
    servers.length = 0;
    const again = await startTestServer({ transport: 'ws', store: 'embedded', dataDir, file, clock });
    servers.push(again);
    expect((await (await signInAdmin(again.http)).get('/api/admin/rooms/GENERAL/report?date=2026-12-05')).body).toEqual(expected);
  });
});
