import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { CloseCode } from '@parley/shared';
import { type WebSocket, WebSocketServer } from 'ws';
import { BodyGate } from './body-gate.js';
import { BodySink, DISK_FULL, isDiskFull } from './body-sink.js';
import { clientAddress } from './client-address.js';
import { ConnectionsPerAddress } from './connections-per-address.js';
import { SendBatch } from './send-batch.js';
import { SocketLimits } from './socket-limits.js';
import {
  type Connection,
  countsFor,
  type EndpointCounts,
  type HttpRequest,
  type HttpResponse,
  type SocketEndpoint,
  type Transport,
  type TransportOptions,
  type UpgradeDecision,
  type UpgradeRequest,
} from './transport.js';

class WsConnection implements Connection {
  closed = false;
  /** Set by the ping sweep, cleared by a pong: a socket still unset at the next sweep is dead. */
  awaitingPong = false;
  /** The TCP socket under ws, corked from the first frame of a batch until SendBatch flushes. */
  private readonly tcp: Socket;
  private corked = false;

  constructor(
    readonly socket: WebSocket,
    readonly remoteAddress: string,
    private readonly batch: SendBatch,
    private readonly counts: EndpointCounts,
  ) {
    // ws does not expose its socket; corking it is the only way to send several frames in one write.
    this.tcp = (socket as unknown as { _socket: Socket })._socket;
  }

  send(text: string): void {
    if (this.closed) return;
    this.counts.sent++;
    if (!this.corked) {
      this.corked = true;
      this.tcp.cork();
      this.batch.enlist(this);
    }
    this.socket.send(text);
    if (this.socket.bufferedAmount > SocketLimits.maxBackpressureBytes) this.close(CloseCode.SLOW_CONSUMER, 'not reading');
  }

  flush(): void {
    if (!this.corked) return;
    this.corked = false;
    this.tcp.uncork();
  }

  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    this.socket.close(code, reason);
  }

  /** Every send is gathered per batch already (SendBatch). */
  cork(batch: () => void): void {
    batch();
  }
}

function toUpgradeRequest(req: IncomingMessage, trustProxy: boolean): UpgradeRequest {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { path: url.pathname, query: url.searchParams, header, remoteAddress: clientAddress(req.socket.remoteAddress ?? '', header, trustProxy) };
}

function writeResponse(res: ServerResponse, response: HttpResponse): void {
  if (res.headersSent) return;
  const body = response.body ?? '';
  // With its length known up front, node:http sends the body as is rather than in chunked
  // encoding. 204 and 304 have no body and must not say a length.
  const bodiless = response.status === 204 || response.status === 304;
  res.writeHead(response.status, bodiless ? response.headers : { ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(bodiless ? undefined : body);
}

function refuseUpgrade(socket: Duplex, response: HttpResponse): void {
  const body = response.body ?? '';
  const headers = { ...response.headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

const NO_BODY = Buffer.alloc(0);

/** The fallback transport: the ws package on node:http. Used with TRANSPORT=ws or when uWS cannot load. */
export function createWsTransport(options: TransportOptions): Transport {
  const open = new Set<WsConnection>();
  const batch = new SendBatch();
  const counts = countsFor(options.sockets);
  const wss = new WebSocketServer({ noServer: true, maxPayload: SocketLimits.maxPayloadBytes, perMessageDeflate: false });

  const trustProxy = options.trustProxy ?? false;
  const gate = new BodyGate(options.admitBody);
  const server = createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const request: HttpRequest = { ...toUpgradeRequest(req, trustProxy), method, body: NO_BODY };
    const fail = (error: unknown) => {
      options.onError(error, 'http');
      writeResponse(res, { status: 500, body: 'Internal error' });
    };
    const handle = () => {
      if (res.headersSent) return;
      let result: HttpResponse | Promise<HttpResponse>;
      try {
        result = options.http(request);
      } catch (error) {
        return fail(error);
      }
      if (result instanceof Promise) result.then((response) => writeResponse(res, response), fail);
      else writeResponse(res, result);
    };
    // Requests without a body are answered at once (node:http discards anything a client sent anyway).
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return handle();
    // The body waits (paused) until the gate has decided from the headers. A refusal closes the
    // connection rather than wait for a body nobody will read.
    const refuse = (response: HttpResponse) => {
      if (res.headersSent) return;
      res.once('finish', () => req.destroy());
      writeResponse(res, { ...response, headers: { ...response.headers, connection: 'close' } });
    };
    req.pause();
    gate.pass(request, req.headers['content-length']).then((pass) => {
      if (!pass.ok && pass.drain) {
        // Answered now; node:http reads what is left of the body and throws it away.
        writeResponse(res, pass.response);
        req.resume();
        return;
      }
      if (!pass.ok) return refuse(pass.response);
      if (res.destroyed) return pass.release();
      // An admitted body goes to a BodySink (memory, or a spool file removed once answered).
      const sink = new BodySink(pass.spool);
      res.once('close', () => {
        pass.release();
        sink.discard();
      });
      let refused = false;
      const stop = (response: HttpResponse) => {
        refused = true;
        sink.discard();
        refuse(response);
      };
      req.on('data', (chunk: Buffer) => {
        if (refused) return;
        if (sink.size + chunk.length > pass.maxBytes) return stop(pass.tooLarge);
        try {
          sink.write(chunk);
        } catch (error) {
          stop(isDiskFull(error) ? DISK_FULL : { status: 500, body: 'Internal error' });
        }
      });
      req.on('end', () => {
        if (refused) return;
        const { body, spooled } = sink.finish();
        request.body = body;
        if (spooled) request.spooled = spooled;
        handle();
      });
      req.resume();
    }, fail);
  });

  // Silent connections are closed: headers within the timeout, and no silence longer than it
  // (ws turns the timeout off on the sockets it upgrades; its pings watch those).
  const httpIdleTimeoutMs = options.httpIdleTimeoutMs ?? SocketLimits.httpIdleTimeoutMs;
  server.headersTimeout = httpIdleTimeoutMs;
  server.timeout = httpIdleTimeoutMs;
  server.keepAliveTimeout = Math.min(5_000, httpIdleTimeoutMs);
  const perAddress = new ConnectionsPerAddress(options.maxConnectionsPerAddress ?? 0);
  server.on('connection', (socket: Socket) => perAddress.admit(socket));

  server.on('upgrade', (req, socket, head) => {
    const request = toUpgradeRequest(req, trustProxy);
    const endpoint = options.sockets[request.path] as SocketEndpoint | undefined;
    if (!endpoint) return refuseUpgrade(socket, { status: 404, body: 'Not found' });
    let decision: UpgradeDecision<unknown>;
    try {
      decision = endpoint.upgrade(request);
    } catch (error) {
      options.onError(error, 'websocket upgrade');
      return refuseUpgrade(socket, { status: 500, body: 'Internal error' });
    }
    if (!decision.accept) return refuseUpgrade(socket, decision.response);
    const context = decision.context;
    const endpointCounts = counts.get(request.path)!;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new WsConnection(ws, request.remoteAddress, batch, endpointCounts);
      open.add(connection);
      endpointCounts.open++;
      ws.on('pong', () => {
        connection.awaitingPong = false;
      });
      ws.on('message', (data, isBinary) => {
        if (connection.closed) return;
        endpointCounts.received++;
        endpoint.message(connection, isBinary ? '\u0000binary' : data.toString());
      });
      ws.on('error', () => {
        // A protocol error (oversized frame, bad UTF-8): ws closes the socket itself with the right code.
      });
      ws.on('close', (code) => {
        connection.closed = true;
        open.delete(connection);
        endpointCounts.open--;
        endpoint.close(connection, code);
      });
      endpoint.open(connection, context);
    });
  });

  // Same policy as uWS's automatic pings: ping every half idle timeout, drop who did not answer the last one.
  const sweep = setInterval(
    () => {
      for (const connection of open) {
        if (connection.awaitingPong) {
          connection.socket.terminate();
          continue;
        }
        connection.awaitingPong = true;
        connection.socket.ping();
      }
    },
    ((options.idleTimeoutSeconds ?? SocketLimits.idleTimeoutSeconds) * 1000) / 2,
  );
  sweep.unref();

  return {
    name: 'ws',
    counts,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stopListening() {
      server.close();
      server.closeIdleConnections();
      clearInterval(sweep);
    },
    closeAll(code, reason) {
      for (const connection of [...open]) connection.close(code, reason);
    },
  };
}
