import type { TemplatedApp, HttpRequest as UwsRequest, HttpResponse as UwsResponse, us_listen_socket, WebSocket } from 'uWebSockets.js';
import { STATUS_CODES } from 'node:http';
import { CloseCode } from '@parley/shared';
import { BodyGate } from './body-gate.js';
import { BodySink, DISK_FULL, isDiskFull } from './body-sink.js';
import { clientAddress } from './client-address.js';
import type { loadNativeUws } from './load-uws.js';
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
} from './transport.js';

type Uws = NonNullable<ReturnType<typeof loadNativeUws>['uws']>;
type SocketData = { context: unknown; remoteAddress: string; connection: UwsConnection | null };

const decoder = new TextDecoder();
/** uWS send results: 1 sent, 0 buffered (backpressure), 2 dropped over the limit. */
const SEND_DROPPED = 2;

class UwsConnection implements Connection {
  closed = false;
  /** Frames sent since the last flush; they go out together, corked (see SendBatch). */
  private queued: string[] = [];

  constructor(
    private readonly ws: WebSocket<SocketData>,
    readonly remoteAddress: string,
    private readonly batch: SendBatch,
    private readonly counts: EndpointCounts,
  ) {}

  send(text: string): void {
    if (this.closed) return;
    this.counts.sent++;
    this.queued.push(text);
    if (this.queued.length === 1) this.batch.enlist(this);
  }

  flush(): void {
    if (this.queued.length === 0 || this.closed) return;
    const frames = this.queued;
    this.queued = [];
    let dropped = false;
    this.ws.cork(() => {
      for (const text of frames) dropped = this.ws.send(text, false, false) === SEND_DROPPED || dropped;
    });
    if (dropped || this.ws.getBufferedAmount() > SocketLimits.maxBackpressureBytes) this.close(CloseCode.SLOW_CONSUMER, 'not reading');
  }

  close(code: number, reason = ''): void {
    if (this.closed) return;
    // What was sent before closing goes first.
    this.flush();
    if (this.closed) return;
    this.closed = true;
    this.queued = [];
    this.ws.end(code, reason);
  }

  cork(batch: () => void): void {
    if (this.closed) batch();
    else this.ws.cork(batch);
  }
}

function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

/** `closeConnection`: for a body refused unread, so that the rest of it is not waited for. */
function writeResponse(res: UwsResponse, response: HttpResponse, closeConnection = false): void {
  res.cork(() => {
    res.writeStatus(statusLine(response.status));
    for (const [name, value] of Object.entries(response.headers ?? {})) res.writeHeader(name, value);
    res.end(response.body ?? '', closeConnection);
  });
}

const NO_BODY = Buffer.alloc(0);

/** Everything uWS lets us read from a request, copied out synchronously as uWS requires; the body comes later, if any. */
function readRequest(req: UwsRequest, res: UwsResponse, trustProxy: boolean): HttpRequest {
  const headers: Record<string, string> = {};
  req.forEach((name, value) => {
    headers[name] = value;
  });
  const header = (name: string) => headers[name];
  return {
    method: req.getMethod().toUpperCase(),
    path: req.getUrl(),
    query: new URLSearchParams(req.getQuery() ?? ''),
    header,
    remoteAddress: clientAddress(decoder.decode(res.getRemoteAddressAsText()), header, trustProxy),
    body: NO_BODY,
  };
}

/** The default transport: uWebSockets.js, a native HTTP and WebSocket server. */
export function createUwsTransport(uws: Uws, options: TransportOptions): Transport {
  const gate = new BodyGate(options.admitBody);
  const app: TemplatedApp = uws.App();
  const open = new Set<UwsConnection>();
  const batch = new SendBatch();
  const counts = countsFor(options.sockets);
  let listenSocket: us_listen_socket | null = null;

  for (const [path, endpoint] of Object.entries(options.sockets) as [string, SocketEndpoint][]) {
    const endpointCounts = counts.get(path)!;
    app.ws<SocketData>(path, {
      compression: uws.DISABLED,
      maxPayloadLength: SocketLimits.uwsHardPayloadBytes,
      maxBackpressure: SocketLimits.uwsHardBackpressureBytes,
      // We close slow readers ourselves, with our own code, rather than have uWS drop them silently.
      closeOnBackpressureLimit: 0,
      idleTimeout: options.idleTimeoutSeconds ?? SocketLimits.idleTimeoutSeconds,
      sendPingsAutomatically: true,
      upgrade: (res, req, context) => {
        const request = readRequest(req, res, options.trustProxy ?? false);
        const key = req.getHeader('sec-websocket-key');
        const protocol = req.getHeader('sec-websocket-protocol');
        const extensions = req.getHeader('sec-websocket-extensions');
        let decision: UpgradeDecision<unknown>;
        try {
          decision = endpoint.upgrade(request);
        } catch (error) {
          options.onError(error, 'websocket upgrade');
          decision = { accept: false as const, response: { status: 500, body: 'Internal error' } };
        }
        if (!decision.accept) {
          writeResponse(res, decision.response);
          return;
        }
        const data: SocketData = { context: decision.context, remoteAddress: request.remoteAddress, connection: null };
        res.upgrade(data, key, protocol, extensions, context);
      },
      open: (ws) => {
        const data = ws.getUserData();
        const connection = new UwsConnection(ws, data.remoteAddress, batch, endpointCounts);
        data.connection = connection;
        open.add(connection);
        endpointCounts.open++;
        endpoint.open(connection, data.context);
        // The endpoint keeps what it needs of the upgrade's context; an idle socket need not hold the rest.
        data.context = null;
      },
      message: (ws, message, isBinary) => {
        const connection = ws.getUserData().connection;
        if (!connection || connection.closed) return;
        endpointCounts.received++;
        if (message.byteLength > SocketLimits.maxPayloadBytes) return connection.close(CloseCode.MESSAGE_TOO_BIG, 'frame too large');
        // Binary frames are not part of the protocol; handing them on as text gets them a BAD_JSON error.
        endpoint.message(connection, isBinary ? '\u0000binary' : decoder.decode(message));
      },
      close: (ws, code) => {
        const connection = ws.getUserData().connection;
        if (!connection) return;
        connection.closed = true;
        open.delete(connection);
        endpointCounts.open--;
        endpoint.close(connection, code);
      },
    });
  }

  app.any('/*', (res, req) => {
    const request = readRequest(req, res, options.trustProxy ?? false);
    // An upgrade to a path no endpoint serves lands here: refuse it as ws does, not as a page.
    if (request.header('upgrade')?.toLowerCase() === 'websocket') return writeResponse(res, { status: 404, body: 'Not found' });
    let done = false;
    /** Gives back the body's place in memory (BodyGate), once answered or aborted. */
    let release = () => {};
    const finish = () => {
      done = true;
      release();
    };
    res.onAborted(finish);
    const respond = (response: HttpResponse, closeConnection = false) => {
      if (!done) writeResponse(res, response, closeConnection);
      finish();
    };
    const fail = (error: unknown) => {
      options.onError(error, 'http');
      respond({ status: 500, body: 'Internal error' }, true);
    };
    // A handler that answers at once (statistics, health) is answered inside this callback, where
    // uWS has the socket corked already; only a promise waits for a later turn.
    const handle = () => {
      let result: HttpResponse | Promise<HttpResponse>;
      try {
        result = options.http(request);
      } catch (error) {
        return fail(error);
      }
      if (result instanceof Promise) result.then(respond, fail);
      else respond(result);
    };
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return handle();

    // The body waits (paused) until the gate has decided from the headers; what uWS had read
    // with them is kept, and counts against the limit. A refusal closes the connection rather
    // than wait for a body nobody will read, except one to be drained: uWS cuts a connection
    // whose response ends before its body has arrived, so that answer goes once the body (read
    // and thrown away) has. An admitted body goes to a BodySink: memory, or a spool file.
    const early: Buffer[] = [];
    let sink: BodySink | null = null;
    let drained: HttpResponse | null = null;
    let size = 0;
    let complete = false;
    let maxBytes: number | null = null;
    let tooLargeAnswer = BodyGate.tooLarge;
    const tooLarge = () => size > (maxBytes ?? SocketLimits.maxHttpBodyBytes);
    const refuseBody = (response: HttpResponse) => {
      sink?.discard();
      respond(response, true);
    };
    const take = (chunk: Uint8Array): boolean => {
      try {
        sink!.write(chunk);
        return true;
      } catch (error) {
        refuseBody(isDiskFull(error) ? DISK_FULL : { status: 500, body: 'Internal error' });
        return false;
      }
    };
    const handleWhole = () => {
      const { body, spooled } = sink!.finish();
      request.body = body;
      if (spooled) request.spooled = spooled;
      handle();
    };
    res.onData((chunk, isLast) => {
      if (done) return;
      if (drained) return isLast ? respond(drained) : undefined;
      size += chunk.byteLength;
      if (tooLarge()) return refuseBody(tooLargeAnswer);
      complete = isLast;
      // uWS reuses the chunk's memory after this callback returns: it is copied or written now.
      if (!sink) early.push(Buffer.from(chunk.slice(0)));
      else if (take(new Uint8Array(chunk)) && complete) handleWhole();
    });
    res.pause();
    gate.pass(request, request.header('content-length')).then((pass) => {
      if (pass.ok) release = pass.release;
      if (done) return release();
      // Paused is the socket's state, not the request's: the next request on it needs it resumed.
      res.resume();
      if (!pass.ok && pass.drain) {
        if (complete) return respond(pass.response);
        drained = pass.response;
        early.length = 0;
        return;
      }
      if (!pass.ok) return respond(pass.response, true);
      maxBytes = pass.maxBytes;
      tooLargeAnswer = pass.tooLarge;
      if (tooLarge()) return respond(tooLargeAnswer, true);
      const received = new BodySink(pass.spool);
      sink = received;
      // What was received goes once the request is answered or aborted (a handler that kept a spooled file moved it away).
      release = () => {
        pass.release();
        received.discard();
      };
      for (const chunk of early.splice(0)) if (!take(chunk)) return;
      if (complete) handleWhole();
    }, fail);
  });

  return {
    name: 'uws',
    counts,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        app.listen(host, port, (socket) => {
          if (!socket) return reject(new Error(`cannot listen on ${host}:${port}`));
          listenSocket = socket;
          resolve(uws.us_socket_local_port(socket));
        });
      }),
    stopListening() {
      if (listenSocket) uws.us_listen_socket_close(listenSocket);
      listenSocket = null;
    },
    closeAll(code, reason) {
      for (const connection of [...open]) connection.close(code, reason);
    },
  };
}
