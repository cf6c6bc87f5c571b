import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode } from '@parley/shared';
import { contiguousSeq } from '@parley/shared/client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent } from './support/parties.js';
import { ResilientParty } from './support/resilient-party.js';

/** A small tmpfs needs root to mount; elsewhere the test says why it did not run. */
const isRoot = process.getuid?.() === 0;
if (!isRoot) process.stdout.write('disk-full test skipped: mounting a small tmpfs needs root\n');

/** Fills the file system of `folder` until a single byte no longer fits. */
function fill(folder: string): string {
  const path = join(folder, 'filler');
  const fd = openSync(path, 'a');
  try {
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = Buffer.alloc(size, 0x78);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.runIf(isRoot)('a full disk', () => {
  let mount: string | null = null;
  let server: TestServer | null = null;
  const parties: ResilientParty[] = [];
  afterEach(async () => {
    for (const party of parties.splice(0)) party.stop();
    await server?.stop();
    server = null;
    if (mount) execFileSync('umount', [mount]);
    if (mount) rmSync(mount, { recursive: true, force: true });
    mount = null;
  });

  it('refuses writes as "not now", acknowledges nothing it did not store, keeps running, and goes on by itself once space is freed', async () => {
    mount = mkdtempSync(join(tmpdir(), 'parley-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
    const dataDir = join(mount, 'data');
    mkdirSync(dataDir);
    server = await startTestServer({ transport: 'uws', store: 'embedded', dataDir });

    const alice = await connectAgent(server, 'alice@test.parley');
    const visitor = new ResilientParty(`${server.ws}/ws/visitor?room=GENERAL`, 'visitor', () => ({ type: 'hello', context: { url: 'https://shop.test/' } }));
    parties.push(visitor);
    visitor.socket.start();
    await visitor.next('welcome');
    visitor.send({ type: 'start', form: { name: 'Dana' } });
    const id = (await visitor.next('conversation')).conversation.id as string;
    await alice.client.next('offer');
    alice.client.send({ type: 'accept', conversationId: id });
    await visitor.next('conversation', (f) => f.conversation.status === 'active');
    visitor.say(id, 'before', 'Before the disk filled up');
    await visitor.allAcked();

    const filler = fill(mount);
    const statesBefore = visitor.states.length;
    let sent = 0;
    // Messages go on until one is refused as "try again later" (the first ones may wait in a write that found no room).
    while (!visitor.states.slice(statesBefore).some((state) => state.includes(`(${CloseCode.TRY_AGAIN_LATER})`))) {
      visitor.say(id, `during-${++sent}`, `Written while the disk was full ${sent}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (sent > 200) throw new Error('no message was refused while the disk was full');
    }
    // The first ones may have fitted in the journal's last page, and those were stored and acknowledged;
    // the one refused, and any after it, wait. The agent has seen only what was acknowledged.
    const unackedWhileFull = Array.from({ length: sent }, (_, i) => `during-${i + 1}`).filter((clientId) => !visitor.acked.has(clientId));
    expect(unackedWhileFull.length).toBeGreaterThan(0);
    const seenByAgent = alice.client.frames.filter((f) => f.type === 'message' && String(f.message.clientId).startsWith('during-'));
    expect(seenByAgent.filter((f) => !visitor.acked.has(f.message.clientId))).toEqual([]);

    // An upload is refused as 507, and leaves no partial file behind.
    const filesBefore = readdirSync(join(dataDir, 'files')).length;
    const upload = await fetch(`${server.http}/api/conversations/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visitor.token}`, 'x-client-id': 'photo-1', 'x-file-name': 'photo.png' },
      body: new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64 * 1024)])),
    });
    expect(upload.status).toBe(507);
    expect(readdirSync(join(dataDir, 'files'))).toHaveLength(filesBefore);
    expect(readdirSync(join(dataDir, 'incoming'))).toEqual([]);
    // Still serving: the health check answers.
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);

    rmSync(filler);
    await visitor.allAcked(30_000);
    expect([...visitor.acked.keys()].filter((clientId) => clientId.startsWith('during-'))).toHaveLength(sent);

    // Everything acknowledged is on disk, once and in order: a restart reads it back.
    await server.stop();
    server = await startTestServer({ transport: 'ws', store: 'embedded', dataDir });
    const reader = new ResilientParty(`${server.ws}/ws/visitor?room=GENERAL`, 'visitor', () => ({ type: 'hello', context: { url: 'https://shop.test/' } }));
    parties.push(reader);
    reader.token = visitor.token;
    reader.socket.start();
    await reader.next('welcome');
    const last = Math.max(...visitor.acked.values());
    await until(() => contiguousSeq(reader.messages.get(id) ?? []) >= last, "the chat's history");
    const texts = reader.messages
      .get(id)!
      .filter((m) => m.kind === 'text')
      .map((m) => m.clientId);
    expect(texts).toEqual(['before', ...Array.from({ length: sent }, (_, i) => `during-${i + 1}`)]);
  });
});
