/*
 * What a transport gives the rest of the server: HTTP requests in, responses out; WebSocket
 * endpoints with an upgrade decision and text messages. uWebSockets.js and ws both implement it,
 * and one contract test suite runs against both.
 */

export type HttpRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  /** A request header by lower-case name. */
  header(name: string): string | undefined;
  remoteAddress: string;
  /** The whole body (bounded by the transport's body limit). Empty for GET, and when the body was spooled. */
  body: Buffer;
  /** Where the body was written as it arrived, when its route asked for that (`spool`); the file is removed once answered. */
  spooled?: { path: string; bytes: number };
};

export type HttpResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

export type HttpHandler = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/**
 * What a request with a body may send, decided from its method, path and headers before a byte
 * of the body is read: at most `maxBytes`, or nothing (the answer is sent at once). A body that
 * is not wanted (no such route, no valid token, too large for the room) never reaches memory.
 * A refusal to someone signed in (over a quota, say) may `drain` the body, read and thrown away,
 * so that their browser, still sending, reads the answer; any other refusal closes the connection.
 * A large body may be `spool`ed: written to a new file in that folder as it arrives, not kept in
 * memory (see HttpRequest.spooled).
 */
export type BodyAdmission = { maxBytes: number; tooLarge?: HttpResponse; spool?: string } | { refuse: HttpResponse; drain?: boolean };

export type UpgradeRequest = Omit<HttpRequest, 'body' | 'method'>;

/** Accept with whatever the endpoint wants back in `open`, or refuse with an HTTP answer. */
export type UpgradeDecision<Context> = { accept: true; context: Context } | { accept: false; response: HttpResponse };

/** One WebSocket, whichever library carries it. */
export interface Connection {
  readonly remoteAddress: string;
  /** Queues a text frame. A client that does not read closes with SLOW_CONSUMER instead of growing the buffer. */
  send(text: string): void;
  /** Closes with a code from the codes file; further sends are ignored. */
  close(code: number, reason?: string): void;
  /** Runs `batch` with this socket's sends gathered into as few system calls as possible. */
  cork(batch: () => void): void;
  readonly closed: boolean;
}

export interface SocketEndpoint<Context = unknown> {
  /** Runs before the handshake: a refusal here means the WebSocket never opens. */
  upgrade(request: UpgradeRequest): UpgradeDecision<Context>;
  open(connection: Connection, context: Context): void;
  message(connection: Connection, text: string): void;
  close(connection: Connection, code: number): void;
}

export type TransportOptions = {
  http: HttpHandler;
  /** Endpoints by exact path, e.g. `/ws/visitor`. */
  // biome-ignore lint/suspicious/noExplicitAny: each endpoint has its own context type; the transport only hands it back to that endpoint.
  sockets: Record<string, SocketEndpoint<any>>;
  onError: (error: unknown, where: string) => void;
  /** Seconds a WebSocket may stay silent (pings answered count) before it is dropped; SocketLimits' by default. Tests shorten it. */
  idleTimeoutSeconds?: number;
  /**
   * TCP connections (HTTP and WebSocket alike) one address may hold open at once; more are cut at
   * once. 0: no cap (behind a proxy every connection comes from the proxy). Only ws can count them
   * before a request; uWebSockets.js drops silent connections after its own 10 s instead.
   */
  maxConnectionsPerAddress?: number;
  /**
   * Parley runs behind a proxy it trusts (TRUST_PROXY): every request's and connection's address is
   * the one the proxy forwards (see clientAddress), so that limits count clients, not the proxy.
   */
  trustProxy?: boolean;
  /** Decides on each request body before it is read (`request.body` is empty then); without it, any body up to SocketLimits' is read. */
  admitBody?: (request: HttpRequest) => BodyAdmission | Promise<BodyAdmission>;
  /** Milliseconds an HTTP connection may stay silent (no request, no bytes) before it is closed; SocketLimits' by default. Tests shorten it. */
  httpIdleTimeoutMs?: number;
};

/** What a transport counts per endpoint path, as plain numbers (a metrics scrape reads them; a frame costs one increment). */
export class EndpointCounts {
  open = 0;
  received = 0;
  sent = 0;
}

/** Counts for each endpoint of `sockets`, by path. */
export function countsFor(sockets: TransportOptions['sockets']): Map<string, EndpointCounts> {
  return new Map(Object.keys(sockets).map((path) => [path, new EndpointCounts()]));
}

export interface Transport {
  readonly name: 'uws' | 'ws';
  /** Connections and frames so far, by endpoint path. */
  readonly counts: ReadonlyMap<string, EndpointCounts>;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(host: string, port: number): Promise<number>;
  /** Stops accepting new connections; open ones carry on. */
  stopListening(): void;
  /** Closes every open WebSocket with `code` (clients reconnect elsewhere or later). */
  closeAll(code: number, reason: string): void;
}
