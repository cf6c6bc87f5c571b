import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAgent, connectVisitor } from './support/parties.js';
import { solidPng } from './support/png.js';
import { type SpawnedServer, serverFolder, spawnServer } from './support/spawned-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** `npm run backup -- DIR` as an operator runs it, beside the running server, on its data folder. */
function backup(dataDir: string, configPath: string, target: string) {
  return run(process.execPath, ['--import', 'tsx', 'server/src/backup-cli.ts', target], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PARLEY_CONFIG: configPath },
  });
}

describe('npm run backup', () => {
  const servers: SpawnedServer[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('copies the store while Parley runs and writes; Parley started on the copy has everything acknowledged before the backup began', async () => {
    const { dataDir, configPath } = serverFolder();
    const folder = dirname(dataDir);
    folders.push(folder);
    // A short roll: the journal is rolled and compacted again and again while the backup runs.
    const server = await spawnServer({ transport: 'uws', dataDir, configPath, env: { JOURNAL_ROLL_BYTES: '3000' } });
    servers.push(server);
    // A chat that ended before: the compactions move it to the history database.
    const earlier = await connectVisitor(server);
    earlier.client.send({ type: 'start', form: { name: 'Earl' } });
    const earlierId = (await earlier.client.next('conversation')).conversation.id as string;
    earlier.client.send({ type: 'message', conversationId: earlierId, clientId: 'earl-1', text: 'an earlier chat' });
    await earlier.client.next('ack');
    earlier.client.send({ type: 'end', conversationId: earlierId });
    await earlier.client.next('conversation', (f) => f.conversation.status === 'ended');

    const alice = await connectAgent(server, 'alice@test.parley');
    const visitor = await connectVisitor(server);
    visitor.client.send({ type: 'start', form: { name: 'Dana' } });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    await alice.client.next('offer');
    alice.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    const image = solidPng(4, 4, [200, 40, 40]);
    const uploaded = await fetch(`${server.http}/api/conversations/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visitor.token}`, 'x-client-id': 'photo-1', 'x-file-name': 'photo.png' },
      body: new Uint8Array(image),
    });
    expect(uploaded.status).toBe(201);
    const fileId = ((await uploaded.json()) as { message: { file: { id: string } } }).message.file.id;

    // Messages keep flowing while the backup runs: acknowledged ones are noted as they come.
    const acked = new Set<string>();
    let flowing = true;
    let sent = 0;
    const flow = (async () => {
      while (flowing) {
        const clientId = `m-${++sent}`;
        visitor.client.send({ type: 'message', conversationId: id, clientId, text: `Message ${sent}` });
        acked.add((await visitor.client.next('ack', (f) => f.clientId === clientId)).clientId as string);
      }
    })();
    while (acked.size < 50) await new Promise((resolve) => setTimeout(resolve, 10));
    // At least one compaction has finished (its snapshot is in the manifest), so the copy has the new layout to copy.
    const snapshotNamed = () =>
      existsSync(join(dataDir, 'manifest.json')) && JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).snapshot !== null;
    await expect.poll(snapshotNamed, { timeout: 20_000 }).toBe(true);

    const target = join(folder, 'backup');
    const ackedBefore = new Set(acked);
    const { stdout } = await backup(dataDir, configPath, target);
    const ackedDuring = acked.size - ackedBefore.size;
    flowing = false;
    // The server kept acknowledging while the copy was made (the backup never stopped it).
    expect(ackedDuring).toBeGreaterThan(0);
    await flow;
    expect(stdout).toMatch(/backed up .* journal \d+ bytes, 1 attachments/);
    const copied = readdirSync(target).sort();
    expect(copied).toEqual(expect.arrayContaining(['files', 'history.sqlite', 'manifest.json']));
    expect(copied.filter((name) => name.startsWith('snapshot-'))).toHaveLength(1);

    // A second Parley on the copy (the first one still running on the original).
    const restored = await spawnServer({ transport: 'ws', dataDir: target, configPath });
    servers.push(restored);
    const reader = await connectVisitor(restored, 'GENERAL', visitor.token);
    expect(reader.welcome.conversation).toMatchObject({ id, status: 'active' });
    const history: { clientId: string; seq: number }[] = [];
    for (let after = 0; ; ) {
      reader.client.send({ type: 'sync', conversationId: id, afterSeq: after });
      const page = await reader.client.next('history');
      history.push(...page.messages);
      after = page.messages.at(-1)?.seq ?? after;
      if (!page.more) break;
    }
    const stored = new Set(history.map((m) => m.clientId));
    expect([...ackedBefore].filter((clientId) => !stored.has(clientId))).toEqual([]);
    // Whole messages only, none missing in between: sequence numbers 1, 2, 3…
    expect(history.map((m) => m.seq)).toEqual(history.map((_, i) => i + 1));

    // The ended chat, read from the copied history.
    const returning = await connectVisitor(restored, 'GENERAL', earlier.token);
    returning.client.send({ type: 'sync', conversationId: earlierId, afterSeq: 0 });
    expect((await returning.client.next('history')).messages.map((m: { text?: string }) => m.text)).toContain('an earlier chat');

    const download = await fetch(`${restored.http}/api/files/${fileId}`, { headers: { authorization: `Bearer ${reader.token}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(image);
  });

  it('refuses a folder that is not empty, and changes nothing in it', async () => {
    const { dataDir, configPath } = serverFolder();
    folders.push(dirname(dataDir));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'journal.jsonl'), '');
    const target = join(dirname(dataDir), 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');
    const failed = await backup(dataDir, configPath, target).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') });
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });
});
