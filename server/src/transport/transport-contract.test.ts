import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { CloseCode } from '@parley/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadNativeUws } from './load-uws.js';
import { SocketLimits } from './socket-limits.js';
import type { Connection, SocketEndpoint, Transport, TransportOptions } from './transport.js';
import { createUwsTransport } from './uws-transport.js';
import { createWsTransport } from './ws-transport.js';

/** uWebSockets.js's shortest idle timeout (it refuses less than 8 seconds). */
const IDLE_SECONDS = 8;

const adapters: [string, (options: TransportOptions) => Transport][] = [
  [
    'uws',
    (options) => {
      const { uws, reason } = loadNativeUws();
      if (!uws) throw new Error(reason);
      return createUwsTransport(uws, options);
    },
  ],
  ['ws', createWsTransport],
];

/**
 * A test endpoint: it echoes, and obeys a few commands. `burst N` sends N numbered frames in one
 * go, `corked N` the same inside `cork`, `then-close N` N frames and then closes with 4000,
 * `flood` sends 64 KiB frames until the connection is closed under it (or 256 MiB went out).
 */
function testEndpoint(opened: Connection[]): SocketEndpoint<{ room: string }> {
  return {
    upgrade(request) {
      const room = request.query.get('room');
      if (room === 'forbidden') return { accept: false, response: { status: 403, body: 'not here' } };
      return { accept: true, context: { room: room ?? '' } };
    },
    open(connection, context) {
      opened.push(connection);
      connection.send(`hello ${context.room}`);
    },
    message(connection, text) {
      const [command, count] = text.split(' ');
      const n = Number(count);
      if (command === 'burst') for (let i = 1; i <= n; i++) connection.send(String(i));
      else if (command === 'corked') connection.cork(() => Array.from({ length: n }, (_, i) => connection.send(String(i + 1))));
      else if (command === 'then-close') {
        for (let i = 1; i <= n; i++) connection.send(String(i));
        connection.close(4000, 'done');
      } else if (command === 'flood') void flood(connection);
      else connection.send(`echo:${text.length}:${text.slice(0, 20)}`);
    },
    close() {},
  };
}

async function flood(connection: Connection): Promise<void> {
  const frame = 'x'.repeat(64 * 1024);
  for (let sent = 0; sent < 256 * 1024 * 1024 && !connection.closed; sent += 16 * frame.length) {
    for (let i = 0; i < 16; i++) connection.send(frame);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type Client = {
  socket: WebSocket;
  frames: string[];
  closed: Promise<number>;
  /** The next `count` frames not read yet, once they have arrived. */
  next(count?: number): Promise<string[]>;
};

function connect(url: string, options: { autoPong?: boolean } = {}): Promise<Client> {
  const socket = new WebSocket(url, { autoPong: options.autoPong ?? true });
  const frames: string[] = [];
  let waiter: (() => void) | null = null;
  socket.on('message', (data) => {
    frames.push(String(data));
    waiter?.();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  let read = 0;
  const client: Client = {
    socket,
    frames,
    closed,
    async next(count = 1) {
      while (frames.length < read + count) await new Promise<void>((resolve) => (waiter = resolve));
      read += count;
      return frames.slice(read - count, read);
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
  });
}

/** The HTTP status of a refused upgrade. */
function refusal(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => reject(new Error('the upgrade was accepted')));
    socket.on('error', () => {});
  });
}

describe.each(adapters)('transport contract: %s', (_name, create) => {
  let transport: Transport;
  let base: string;
  let opened: Connection[];

  async function start(overrides: Partial<TransportOptions> = {}): Promise<void> {
    opened = [];
    transport = create({
      http: (request) => {
        if (request.path === '/later') return Promise.resolve({ status: 202, body: 'later' });
        const digest = createHash('sha256').update(request.body).digest('hex');
        return { status: 200, headers: { 'content-type': 'text/plain' }, body: `${request.method} ${request.path} ${request.body.length} ${digest}` };
      },
      sockets: { '/ws/test': testEndpoint(opened) },
      onError: (error) => {
        throw error;
      },
      ...overrides,
    });
    const port = await transport.listen('127.0.0.1', 0);
    base = `127.0.0.1:${port}`;
  }

  afterEach(() => {
    transport.closeAll(CloseCode.SERVICE_RESTART, 'test over');
    transport.stopListening();
  });

  it('accepts a frame of exactly 64 KiB and closes a connection that sends a larger one with 1009, and no one else notices', async () => {
    await start();
    const bystander = await connect(`ws://${base}/ws/test?room=a`);
    const client = await connect(`ws://${base}/ws/test?room=b`);
    await Promise.all([bystander.next(), client.next()]);
    client.socket.send('y'.repeat(SocketLimits.maxPayloadBytes));
    expect(await client.next()).toEqual([`echo:${SocketLimits.maxPayloadBytes}:${'y'.repeat(20)}`]);
    client.socket.send('z'.repeat(SocketLimits.maxPayloadBytes + 1));
    expect(await client.closed).toBe(CloseCode.MESSAGE_TOO_BIG);
    bystander.socket.send('still here');
    expect(await bystander.next()).toEqual(['echo:10:still here']);
  });

  it('counts connections open and frames each way, per endpoint', async () => {
    await start();
    const counts = () => ({ ...transport.counts.get('/ws/test')! });
    expect(counts()).toEqual({ open: 0, received: 0, sent: 0 });
    const first = await connect(`ws://${base}/ws/test?room=a`);
    const second = await connect(`ws://${base}/ws/test?room=b`);
    await Promise.all([first.next(), second.next()]);
    first.socket.send('burst 3');
    await first.next(3);
    second.socket.send('hi');
    await second.next();
    expect(counts()).toEqual({ open: 2, received: 2, sent: 2 + 3 + 1 });
    first.socket.close();
    await waitFor(() => counts().open === 1);
    expect(counts()).toEqual({ open: 1, received: 2, sent: 6 });
  });

  it('closes a client that stops reading with 4009 (SLOW_CONSUMER) once 1 MiB waits for it, rather than buffering without end', async () => {
    await start();
    const client = await connect(`ws://${base}/ws/test?room=slow`);
    await client.next();
    const tcp = (client.socket as unknown as { _socket: Socket })._socket;
    tcp.pause();
    client.socket.send('flood');
    await waitFor(() => opened[0]!.closed);
    tcp.resume();
    expect(await client.closed).toBe(CloseCode.SLOW_CONSUMER);
  });

  it('pings idle connections: one that answers stays, one that does not is dropped', { timeout: 60_000 }, async () => {
    await start({ idleTimeoutSeconds: IDLE_SECONDS });
    const alive = await connect(`ws://${base}/ws/test?room=alive`);
    const dead = await connect(`ws://${base}/ws/test?room=dead`, { autoPong: false });
    let pings = 0;
    alive.socket.on('ping', () => pings++);
    const deadPinged = new Promise((resolve) => dead.socket.once('ping', resolve));
    await deadPinged;
    expect(await dead.closed).toBe(1006);
    expect(pings).toBeGreaterThan(0);
    expect(alive.socket.readyState).toBe(WebSocket.OPEN);
    alive.socket.send('after the drop');
    expect(await alive.next(2)).toEqual(['hello alive', 'echo:14:after the drop']);
  });

  it('delivers frames in the order sent, corked or not, each connection its own, and what was sent before close first', async () => {
    await start();
    const [a, b] = await Promise.all([connect(`ws://${base}/ws/test?room=a`), connect(`ws://${base}/ws/test?room=b`)]);
    await Promise.all([a.next(), b.next()]);
    a.socket.send('burst 500');
    b.socket.send('corked 300');
    const numbers = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));
    expect(await a.next(500)).toEqual(numbers(500));
    expect(await b.next(300)).toEqual(numbers(300));
    a.socket.send('then-close 50');
    expect(await a.closed).toBe(4000);
    expect(a.frames.slice(-50)).toEqual(numbers(50));
  });

  it('refuses an upgrade with the status its endpoint chose, and an unknown path with 404, before any WebSocket opens', async () => {
    await start();
    expect(await refusal(`ws://${base}/ws/test?room=forbidden`)).toBe(403);
    expect(await refusal(`ws://${base}/ws/elsewhere`)).toBe(404);
    expect(opened).toEqual([]);
  });

  it('hands HTTP bodies over whole, answers later when the handler does, and refuses a body over the limit with 413', async () => {
    await start();
    const body = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) % 251);
    const answer = await fetch(`http://${base}/upload`, { method: 'POST', body });
    expect(await answer.text()).toBe(`POST /upload ${body.length} ${createHash('sha256').update(body).digest('hex')}`);
    expect((await fetch(`http://${base}/later`)).status).toBe(202);

    const tooLarge = await fetch(`http://${base}/upload`, { method: 'POST', body: new Uint8Array(SocketLimits.maxHttpBodyBytes + 1) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'TOO_LARGE' });
  });

  it('closes every open socket with the code given when the server drains', async () => {
    await start();
    const clients = await Promise.all([1, 2, 3].map((i) => connect(`ws://${base}/ws/test?room=${i}`)));
    transport.closeAll(CloseCode.SERVICE_RESTART, 'restarting');
    expect(await Promise.all(clients.map((client) => client.closed))).toEqual([1012, 1012, 1012]);
  });

  it('answers a request pipelined right behind one with a body, in order', async () => {
    await start();
    const connection = await rawConnection(base);
    let answers = '';
    connection.socket.on('data', (chunk) => (answers += String(chunk)));
    connection.socket.write('POST /later HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\n\r\nhelloGET /second HTTP/1.1\r\nhost: x\r\n\r\n');
    await waitFor(() => answers.includes('GET /second'));
    expect(answers.indexOf('202')).toBeGreaterThan(0);
    expect(answers.indexOf('202')).toBeLessThan(answers.indexOf('GET /second'));
    connection.socket.destroy();
  });

  it('closes a TCP connection that never sends a request within about 10 s, and keeps a quiet WebSocket open', async () => {
    await start();
    const client = await connect(`ws://${base}/ws/test?room=quiet`);
    const started = Date.now();
    const silent = await rawConnection(base);
    await silent.closed;
    // uWebSockets.js's own HTTP idle timeout is 10 s; ws is given the same.
    expect(Date.now() - started).toBeLessThan(14_000);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.send('still here');
    expect(await client.next(2)).toEqual(['hello quiet', 'echo:10:still here']);
  }, 20_000);
});

describe('ws transport: connections per address', () => {
  it('cuts connections from one address over the cap at once, and goes on serving other addresses (health checks too)', async () => {
    const transport = createWsTransport({
      http: () => ({ status: 200, body: 'ok' }),
      sockets: {},
      onError: (error) => {
        throw error;
      },
      maxConnectionsPerAddress: 5,
    });
    const base = `127.0.0.1:${await transport.listen('127.0.0.1', 0)}`;
    try {
      const held = await Promise.all(Array.from({ length: 5 }, () => rawConnection(base)));
      const over = await rawConnection(base);
      await over.closed;
      expect(held.every((connection) => !connection.socket.destroyed)).toBe(true);
      // Another address on this machine's loopback is a different client.
      expect(await httpGet(base, '/healthz', '127.0.0.2')).toBe('200 ok');
      // One held connection gone makes room for one more.
      held[0]!.socket.destroy();
      await held[0]!.closed;
      // (The server hears of the close a moment later: ask until it answers.)
      let next = await rawConnection(base);
      for (let tries = 0; !(await answersRequest(next)) && tries < 100; tries++) next = await rawConnection(base);
      expect(next.socket.destroyed).toBe(false);
      for (const connection of [...held, next]) connection.socket.destroy();
    } finally {
      transport.stopListening();
    }
  });
});

/** A plain TCP connection that says nothing until told to. */
async function rawConnection(base: string): Promise<{ socket: Socket; closed: Promise<void>; firstData: Promise<string> }> {
  const { connect: tcp } = await import('node:net');
  const [host, port] = base.split(':');
  const socket = tcp(Number(port), host!);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const firstData = new Promise<string>((resolve) => socket.once('data', (data) => resolve(String(data))));
  socket.on('error', () => {});
  await new Promise<void>((resolve) => {
    socket.once('connect', () => resolve());
    socket.once('close', () => resolve());
  });
  return { socket, closed, firstData };
}

/** Whether a GET on this connection is answered (false: the server cut it). */
async function answersRequest(connection: { socket: Socket; closed: Promise<void>; firstData: Promise<string> }): Promise<boolean> {
  if (connection.socket.destroyed) return false;
  connection.socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n');
  const answer = await Promise.race([connection.firstData, connection.closed.then(() => '')]);
  return answer.startsWith('HTTP/1.1 200');
}

/** `STATUS body` of a GET sent from `localAddress`. */
async function httpGet(base: string, path: string, localAddress: string): Promise<string> {
  const { request } = await import('node:http');
  const [host, port] = base.split(':');
  return new Promise((resolve, reject) => {
    const sent = request({ host, port: Number(port), path, localAddress, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(`${response.statusCode} ${body}`));
    });
    sent.on('error', reject);
    sent.end();
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
