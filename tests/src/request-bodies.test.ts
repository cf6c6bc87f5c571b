import { connect, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import { HEALTHY_ROUND_TRIP_MS, healthyPair } from './support/healthy-pair.js';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';

/**
 * A request whose body nobody wants is answered from its headers, before any of the body is
 * read: an attacker holding many large uploads open costs the server no memory. Bodies that are
 * wanted are held within a budget per address.
 */
type Raw = { socket: Socket; answer: Promise<string>; closed: Promise<void> };

/** Sends only the headers of a request that announces `length` bytes of body, and keeps the rest back. */
function headersOnly(http: string, path: string, length: number, headers: Record<string, string> = {}): Raw {
  const { hostname, port } = new URL(http);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  const lines = [`POST ${path} HTTP/1.1`, `host: ${hostname}`, `content-length: ${length}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  let text = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (chunk) => {
      text += String(chunk);
      if (text.includes('\r\n\r\n')) resolve(text);
    });
    socket.once('close', () => resolve(text));
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, answer, closed };
}

const status = (answer: string) => Number(answer.split(' ')[1]);
const MiB = 1024 * 1024;

overTransports('request bodies', (transport) => {
  const server = serverPerTest(transport);

  async function activeChat() {
    const agent = await connectAgent(server(), 'bob@test.parley');
    const visitor = await connectVisitor(server());
    visitor.client.send({ type: 'start', form: {} });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    await agent.client.next('offer');
    agent.client.send({ type: 'accept', conversationId: id });
    await visitor.client.next('conversation', (f) => f.conversation.status === 'active');
    return { visitor, id };
  }

  it('answers a body nobody may send from its headers alone, without waiting for the body, and closes the connection', async () => {
    const { id } = await activeChat();
    const pair = await healthyPair(server());
    const files = `/api/conversations/${id}/files`;
    const cases: [Raw, number][] = [
      [headersOnly(server().http, files, 25 * MiB), 401],
      [headersOnly(server().http, '/api/nowhere', 25 * MiB), 404],
      [headersOnly(server().http, '/api/agent/sessions', 25 * MiB), 413],
      [headersOnly(server().http, '/api/admin/rooms', 25 * MiB), 401],
    ];
    for (const [raw, expected] of cases) {
      expect(status(await raw.answer)).toBe(expected);
      // …and the connection is not kept waiting for a body that will not be read.
      await raw.closed;
    }
    expect(await pair.roundTrip()).toBeLessThan(HEALTHY_ROUND_TRIP_MS);
  });

  it('tells someone signed in why their upload is refused, checked before the body is kept', async () => {
    const { visitor, id } = await activeChat();
    const stranger = await connectVisitor(server());
    const send = (token: string, size: number) =>
      fetch(`${server().http}/api/conversations/${id}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-client-id': 'f1' },
        body: new Uint8Array(size),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));
    expect(await send(stranger.token, 2 * MiB)).toMatchObject({ status: 403, body: { error: 'NOT_YOUR_CONVERSATION' } });
    // The room takes 10 MiB at most: the answer says so (the body is read and thrown away, not kept).
    expect(await send(visitor.token, 11 * MiB)).toMatchObject({ status: 413, body: { error: 'FILE_TOO_LARGE', message: expect.stringContaining('10 MB') } });
  });

  it('holds wanted bodies in flight within a budget per address, and takes uploads again once they finish', async () => {
    const { visitor, id } = await activeChat();
    const files = `/api/conversations/${id}/files`;
    const auth = (n: number) => ({ authorization: `Bearer ${visitor.token}`, 'x-client-id': `held-${n}` });
    // Five uploads of 10 MiB held open (their bodies never come) fit in the 52 MiB per address; a sixth does not.
    const held = [1, 2, 3, 4, 5].map((n) => headersOnly(server().http, files, 10 * MiB, auth(n)));
    // (Each is admitted once its token is checked: wait until the server has looked at all five.)
    const sixth = async () => {
      const raw = headersOnly(server().http, files, 10 * MiB, auth(6));
      held.push(raw);
      return status(await Promise.race([raw.answer, new Promise<string>((resolve) => setTimeout(() => resolve('waiting 0'), 200))]));
    };
    await expect.poll(sixth, { timeout: 5_000 }).toBe(503);
    // Everyone else is served as usual meanwhile.
    const pair = await healthyPair(server());
    expect(await pair.roundTrip()).toBeLessThan(HEALTHY_ROUND_TRIP_MS);
    for (const raw of held) raw.socket.destroy();
    // Their places are given back when they go.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);
    const upload = () =>
      fetch(`${server().http}${files}`, { method: 'POST', headers: { ...auth(7), 'x-file-name': 'a.png' }, body: new Uint8Array(png) }).then((r) => r.status);
    await expect.poll(upload, { timeout: 5_000 }).toBe(201);
  });
});
