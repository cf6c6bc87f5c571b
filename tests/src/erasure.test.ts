import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signInAdmin } from './support/admin-client.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { solidPng } from './support/png.js';
import { startVisitorChat, type VisitorChat, visitorSays, visitorUploads } from './support/visitor-chat.js';

/** Every file under the folder, whole, as bytes. */
function everyFile(folder: string): { path: string; bytes: Buffer }[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** The files under the folder holding these bytes anywhere. */
const holding = (folder: string, needle: string | Buffer) =>
  everyFile(folder)
    .filter(({ bytes }) => bytes.includes(needle))
    .map(({ path }) => path);

async function endChat(chat: VisitorChat): Promise<void> {
  chat.client.send({ type: 'end', conversationId: chat.conversationId });
  await chat.client.next('conversation', (f) => f.conversation.status === 'ended');
}

describe('erasing a visitor (POST /api/admin/erasure)', () => {
  let server: TestServer;
  afterEach(() => server?.stop());

  it('leaves none of their words, address or files anywhere under DATA_DIR, keeps everyone else, and records that it happened', async () => {
    server = await startTestServer({ transport: 'ws', store: 'embedded' });
    const dataDir = server.dataDir!;
    const picture = solidPng(7, 5, [201, 13, 77]);
    // Ann's first chat, with a picture, ended and compacted into the history.
    const first = await startVisitorChat(server, { form: { name: 'Ann', email: 'Ann.Erased@shop.test' } });
    await visitorSays(first, 'a1', 'ann-secret-one: my card ends 4242');
    expect((await visitorUploads(server.http, first, 'receipt.png', picture, 'a2')).status).toBe(201);
    await endChat(first);
    await server.store.maintenance!.compact();
    // Her second chat, ended, still in the journal; and Bob, who stays.
    const second = await startVisitorChat(server, { form: { name: 'Ann', email: 'ann.erased@shop.test' }, token: first.token });
    await visitorSays(second, 'a3', 'ann-secret-two: my address is 1 Hidden Lane');
    const bob = await startVisitorChat(server, { form: { name: 'Bob', email: 'bob@shop.test' } });
    await visitorSays(bob, 'b1', 'bob-keeps-this');
    await endChat(bob);

    const admin = await signInAdmin(server.http);
    // Not while one of her chats is open.
    expect(await admin.post('/api/admin/erasure', { email: 'ann.erased@shop.test' })).toMatchObject({ status: 409, body: { error: 'CONVERSATION_OPEN' } });
    await endChat(second);
    expect(await admin.post('/api/admin/erasure', { email: 'ann.erased@shop.test', visitorId: 'x' })).toMatchObject({ status: 400 });
    for (const needle of ['ann-secret-one', 'ann-secret-two', 'ann.erased@shop.test', picture]) expect(holding(dataDir, needle)).not.toEqual([]);

    const erased = await admin.post('/api/admin/erasure', { email: 'ANN.ERASED@shop.test' });
    expect(erased).toMatchObject({ status: 200, body: { visitors: 1, conversations: 2, files: 1 } });

    for (const needle of ['ann-secret-one', 'ann-secret-two', 'Ann.Erased@shop.test', 'ann.erased@shop.test', 'Hidden Lane', picture]) {
      expect(holding(dataDir, needle)).toEqual([]);
    }
    // The scan finds what is kept: Bob's words are still there, and so is his chat.
    expect(holding(dataDir, 'bob-keeps-this')).not.toEqual([]);
    expect((await server.store.messages.after(bob.conversationId, 0, 10)).map((m) => (m.kind === 'text' ? m.text : m.kind))).toContain('bob-keeps-this');
    expect(await server.store.conversations.get(first.conversationId)).toBeUndefined();
    expect(await server.store.conversations.get(second.conversationId)).toBeUndefined();
    expect(await server.store.sessions.get(first.token)).toBeUndefined();
    const [record] = await server.store.audit.list('privacy:erasure', 5);
    expect(record).toMatchObject({ actor: 'admin:admin@test.parley', action: 'erase' });
    expect(JSON.stringify(record)).not.toContain('ann');
  });

  it('is refused where the store keeps no history of its own (the memory store)', async () => {
    server = await startTestServer({ transport: 'ws' });
    const admin = await signInAdmin(server.http);
    expect(await admin.post('/api/admin/erasure', { visitorId: 'someone' })).toMatchObject({ status: 501, body: { error: 'NOT_SUPPORTED' } });
  });
});
