import { UploadResponse } from '@parley/shared';
import { expect, it } from 'vitest';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really pixels, but a PNG by signature')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF');

overTransports('attachments', (transport) => {
  const server = serverPerTest(transport, { store: 'embedded' });

  async function chat(room = 'GENERAL') {
    const agent = await connectAgent(server(), room === 'GENERAL' ? 'bob@test.parley' : 'carol@test.parley');
    const visitor = await connectVisitor(server(), room);
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    await agent.client.next('offer');
    agent.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    return { agent, visitor, id };
  }

  const upload = (id: string, token: string, body: Buffer, name = 'photo.png', clientId = 'file-1') =>
    fetch(`${server().http}/api/conversations/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-client-id': clientId, 'x-file-name': encodeURIComponent(name), 'content-type': 'text/html' },
      body: new Uint8Array(body),
    });

  it('a visitor sends an image: stored, typed by content, delivered to the agent, served only to the two of them', async () => {
    const { agent, visitor, id } = await chat();
    const response = await upload(id, visitor.token, PNG, '../../<img src=x onerror=alert(1)>.png');
    expect(response.status).toBe(201);
    const answer = UploadResponse.parse(await response.json());
    expect(answer.message).toMatchObject({
      kind: 'file',
      from: 'visitor',
      file: { kind: 'png', mime: 'image/png', size: PNG.length, name: '<img src=x onerror=alert(1)>.png' },
    });

    const frame = await agent.client.next('message', (f) => f.message.kind === 'file');
    expect(frame.message).toEqual(answer.message);
    const fileId = answer.message.kind === 'file' ? answer.message.file.id : '';

    const download = await fetch(`${server().http}/api/files/${fileId}`, { headers: { authorization: `Bearer ${agent.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);

    const stranger = await connectVisitor(server());
    expect((await fetch(`${server().http}/api/files/${fileId}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    expect((await fetch(`${server().http}/api/files/${fileId}`)).status).toBe(401);
  });

  it('names a file by what its bytes are: a PNG sent as page.html is kept and served as page.png', async () => {
    const { agent, visitor, id } = await chat();
    const response = await upload(id, visitor.token, PNG, 'page.html', 'renamed');
    expect(response.status).toBe(201);
    const message = (await agent.client.next('message', (f) => f.message.kind === 'file')).message;
    expect(message.file.name).toBe('page.png');
    const download = await fetch(`${server().http}/api/files/${message.file.id}`, { headers: { authorization: `Bearer ${agent.token}` } });
    expect(download.headers.get('content-disposition')).toBe(`inline; filename="page.png"; filename*=UTF-8''page.png`);
  });

  it('the agent sends a PDF; the visitor gets it as a download', async () => {
    const { agent, visitor, id } = await chat();
    const response = await upload(id, agent.token, PDF, 'offer.pdf', 'agent-file');
    expect(response.status).toBe(201);
    const message = (await visitor.client.next('message', (f) => f.message.kind === 'file')).message;
    expect(message).toMatchObject({ from: 'agent', name: 'Bob', file: { kind: 'pdf', name: 'offer.pdf' } });
    const download = await fetch(`${server().http}/api/files/${message.file.id}`, { headers: { authorization: `Bearer ${visitor.token}` } });
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="offer.pdf"; filename*=UTF-8''offer.pdf`);
  });

  it('refuses disguised, oversized, unauthorised and disabled uploads, storing nothing', async () => {
    const { agent, visitor, id } = await chat();
    const svg = await upload(id, visitor.token, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'cat.png');
    expect(svg.status).toBe(415);
    expect((await svg.json()).message).toContain('png, jpeg, gif, webp, pdf');
    expect((await upload(id, visitor.token, Buffer.alloc(10 * 1024 * 1024 + 1, 0x25), 'big.pdf')).status).toBe(413);
    expect((await upload(id, 'not-a-token', PNG)).status).toBe(401);
    const stranger = await connectVisitor(server());
    expect((await upload(id, stranger.token, PNG)).status).toBe(403);
    expect((await upload(id, visitor.token, PNG, 'x.png', 'bad id with spaces')).status).toBe(400);

    visitor.client.send({ type: 'sync', conversationId: id, afterSeq: 0 });
    expect((await visitor.client.next('history')).messages.filter((m: { kind: string }) => m.kind === 'file')).toEqual([]);
    agent.client.send({ type: 'end', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'ended');
    expect((await upload(id, visitor.token, PNG)).status).toBe(409);
  });

  it('a room can turn visitor attachments off', async () => {
    const { visitor, id } = await chat('SALES');
    const response = await upload(id, visitor.token, PNG);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'ATTACHMENTS_DISABLED' });
  });
});
