import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HEALTHY_ROUND_TRIP_MS, healthyPair } from './support/healthy-pair.js';
import type { TestServer } from './support/in-process-server.js';
import { overTransports, serversPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';

/** A PNG by signature, of `size` bytes. */
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8, 7)]);

/**
 * One visitor cannot fill the disk: files per minute, bytes per chat, per visitor and per
 * address are limited, and uploads stop short of the disk's last free space so that messages
 * can still be written.
 */
overTransports('upload limits', (transport) => {
  const start = serversPerTest(transport);

  /** A visitor's chat, waiting (visitors may send files while they wait). */
  async function waitingChat(server: TestServer, headers: Record<string, string> = {}) {
    const visitor = await connectVisitor(server, 'GENERAL', undefined, headers);
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    return { visitor, id };
  }

  async function activeChat(server: TestServer) {
    const agent = await connectAgent(server, 'bob@test.parley');
    const { visitor, id } = await waitingChat(server);
    await agent.client.next('offer', (f) => f.offer.conversationId === id);
    agent.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    return { agent, visitor, id };
  }

  const upload = (server: TestServer, id: string, token: string, size: number, n: number, headers: Record<string, string> = {}) =>
    fetch(`${server.http}/api/conversations/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-client-id': `file-${n}`, 'x-file-name': 'a.png', ...headers },
      body: new Uint8Array(png(size)),
    }).then(async (response) => ({ status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after') }));

  it('limits files per minute per sender, and bytes per chat', async () => {
    const server = await start({ store: 'embedded', env: { UPLOADS_PER_MINUTE: '3', UPLOAD_BYTES_PER_CONVERSATION: '10000' } });
    const { visitor, agent, id } = await activeChat(server);
    for (const n of [1, 2, 3]) expect((await upload(server, id, visitor.token, 1000, n)).status).toBe(201);
    const pair = await healthyPair(server);
    const fourth = await upload(server, id, visitor.token, 1000, 4);
    expect(await pair.roundTrip()).toBeLessThan(HEALTHY_ROUND_TRIP_MS);
    expect(fourth).toMatchObject({ status: 429, body: { error: 'UPLOAD_RATE_LIMITED' }, retryAfter: '60' });
    // The agent has a rate of their own, and the chat's bytes are shared: 3,000 + 6,000 fit, 1,500 more do not.
    expect((await upload(server, id, agent.token, 6000, 5)).status).toBe(201);
    expect(await upload(server, id, agent.token, 1500, 6)).toMatchObject({
      status: 413,
      body: { error: 'UPLOAD_QUOTA', message: expect.stringContaining('limit') },
    });
    // Messages still go through.
    visitor.client.send({ type: 'message', conversationId: id, clientId: 'still', text: 'Still here' });
    expect((await visitor.client.next('ack')).clientId).toBe('still');
  });

  it('counts a visitor’s bytes by network address too, so new visitor ids do not reset them', async () => {
    const server = await start({ store: 'embedded', env: { TRUST_PROXY: 'true', UPLOAD_BYTES_PER_ADDRESS_PER_DAY: '5000' } });
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const first = await waitingChat(server, from);
    expect((await upload(server, first.id, first.visitor.token, 4000, 1, from)).status).toBe(201);
    const second = await waitingChat(server, from);
    expect(await upload(server, second.id, second.visitor.token, 2000, 2, from)).toMatchObject({ status: 429, body: { error: 'UPLOAD_QUOTA' } });
    // Another address is not affected.
    const other = { 'x-forwarded-for': '198.51.100.8' };
    const third = await waitingChat(server, other);
    expect((await upload(server, third.id, third.visitor.token, 2000, 3, other)).status).toBe(201);
  });

  it('keeps a reserve of free disk: uploads get 507 before the journal could run short, messages go on', async () => {
    // A reserve larger than any disk: every upload finds too little space left.
    const server = await start({ store: 'embedded', env: { DISK_RESERVE_BYTES: String(2 ** 52) } });
    const { visitor, id } = await waitingChat(server);
    expect(await upload(server, id, visitor.token, 1000, 1)).toMatchObject({ status: 507, retryAfter: '300' });
    visitor.client.send({ type: 'message', conversationId: id, clientId: 'words', text: 'Words still fit' });
    expect((await visitor.client.next('ack')).clientId).toBe('words');
  });

  it('writes an upload to disk as it arrives (never whole in memory), and removes what an abandoned one left', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-spool-'));
    const server = await start({ store: 'embedded', dataDir });
    const { visitor, id } = await waitingChat(server);
    const incoming = join(dataDir, 'incoming');
    const spooled = () => readdirSync(incoming).map((name) => statSync(join(incoming, name)).size);
    const { hostname, port } = new URL(server.http);
    const body = png(3 * 1024 * 1024);
    const half = body.subarray(0, body.length / 2);

    const startUpload = (clientId: string) => {
      const socket = connect(Number(port), hostname);
      socket.on('error', () => {});
      const head = [
        `POST /api/conversations/${id}/files HTTP/1.1`,
        `host: ${hostname}`,
        `authorization: Bearer ${visitor.token}`,
        `x-client-id: ${clientId}`,
        `content-length: ${body.length}`,
      ];
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      socket.write(half);
      let answer = '';
      socket.on('data', (chunk) => (answer += String(chunk)));
      return { socket, answer: () => answer };
    };

    // Half of a 3 MiB upload is on disk in the spool while the rest has not come.
    const first = startUpload('spooled');
    await expect.poll(spooled, { timeout: 5_000 }).toEqual([half.length]);
    first.socket.write(body.subarray(half.length));
    await expect.poll(first.answer, { timeout: 5_000 }).toMatch(/^HTTP\/1.1 201/);
    expect(readdirSync(incoming)).toEqual([]);
    const stored = await fetch(`${server.http}/api/files/${JSON.parse(first.answer().slice(first.answer().indexOf('{'))).message.file.id}`, {
      headers: { authorization: `Bearer ${visitor.token}` },
    });
    expect(Buffer.from(await stored.arrayBuffer()).equals(body)).toBe(true);
    first.socket.destroy();

    // An upload abandoned halfway leaves nothing behind.
    const second = startUpload('abandoned');
    await expect.poll(spooled, { timeout: 5_000 }).toEqual([half.length]);
    second.socket.destroy();
    await expect.poll(() => readdirSync(incoming), { timeout: 5_000 }).toEqual([]);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
