import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent, connectVisitor } from './support/parties.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/**
 * A journal written before journal formats were numbered (format 0, no header line), made by the
 * code of that time (tests/fixtures/README.md): Dana's chat with Alice, ended; Eli waiting while
 * Alice is on a break. Today's Parley starts on it and finds everything.
 */
describe('a journal from an older version', () => {
  let server: TestServer | null = null;
  const folders: string[] = [];
  afterEach(async () => {
    await server?.stop();
    server = null;
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('starts today’s Parley with every conversation, message, session and setting, and takes new writes', async () => {
    const fixture = JSON.parse(readFileSync(new URL('journal-format-0.json', FIXTURES), 'utf8')) as Record<
      'dana' | 'eli',
      { token: string; conversationId: string }
    >;
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-migration-'));
    folders.push(dataDir);
    const journal = join(dataDir, 'journal.jsonl');
    copyFileSync(new URL('journal-format-0.jsonl', FIXTURES), journal);
    server = await startTestServer({ transport: 'uws', store: 'embedded', dataDir });

    // Eli's page comes back: the same visitor, still waiting, with what he wrote.
    const eli = await connectVisitor(server, 'GENERAL', fixture.eli.token);
    expect(eli.welcome.conversation).toMatchObject({ id: fixture.eli.conversationId, status: 'waiting' });
    eli.client.send({ type: 'sync', conversationId: fixture.eli.conversationId, afterSeq: 0 });
    const eliHistory = await eli.client.next('history');
    expect(eliHistory.messages.filter((m: { kind: string }) => m.kind === 'text').map((m: { text: string }) => m.text)).toEqual(['Anyone there?']);

    // Dana's ended chat reads back whole, in order.
    const dana = await connectVisitor(server, 'GENERAL', fixture.dana.token);
    dana.client.send({ type: 'sync', conversationId: fixture.dana.conversationId, afterSeq: 0 });
    const danaHistory = await dana.client.next('history');
    expect(danaHistory.messages.filter((m: { kind: string }) => m.kind === 'text').map((m: { text: string }) => m.text)).toEqual([
      'Dana says 1 ✓',
      'Alice answers 1',
      'Dana says 2 ✓',
      'Alice answers 2',
      'Dana says 3 ✓',
      'Alice answers 3',
    ]);

    // Alice signs in with her password from the settings in that journal, and is offered Eli.
    const alice = await connectAgent(server, 'alice@test.parley');
    expect((await alice.client.next('offer')).offer.conversationId).toBe(fixture.eli.conversationId);
    alice.client.send({ type: 'accept', conversationId: fixture.eli.conversationId });
    await alice.client.next('conversation', (f) => f.conversation.status === 'active');
    alice.client.send({ type: 'message', conversationId: fixture.eli.conversationId, clientId: 'alice-new', text: 'Here now' });
    await alice.client.next('ack');
    await server.stop();

    // It keeps its format (no header is slipped in front) and starts again with the new writes.
    expect(readFileSync(journal, 'utf8').startsWith(readFileSync(new URL('journal-format-0.jsonl', FIXTURES), 'utf8'))).toBe(true);
    server = await startTestServer({ transport: 'uws', store: 'embedded', dataDir });
    const again = await connectVisitor(server, 'GENERAL', fixture.eli.token);
    expect(again.welcome.conversation).toMatchObject({ id: fixture.eli.conversationId, status: 'active' });
  });
});
