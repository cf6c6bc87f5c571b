import { connect, type Socket } from 'node:net';

export type PollResponse = { status: number; body: string; latencyMs: number };

/**
 * One keep-alive HTTP/1.1 connection that asks for `path` again as soon as each answer is
 * complete (no pipelining): what a site polling the statistics endpoint does, as fast as it can.
 * A minimal client so that the load generator, not the server, stays cheap: it reads the status
 * line and either Content-Length or chunked encoding, nothing else.
 */
export class HttpPoller {
  private socket: Socket | null = null;
  private buffer = '';
  private sentAt = 0;
  private running = false;
  private readonly request: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
    path: string,
    private readonly onResponse: (response: PollResponse) => void,
    private readonly onError: (error: Error) => void,
  ) {
    this.request = `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: application/json\r\n\r\n`;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port, noDelay: true }, () => {
        this.running = true;
        this.send();
        resolve();
      });
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => this.receive(chunk));
      socket.on('error', (error) => (this.running ? this.onError(error) : reject(error)));
      socket.on('close', () => {
        if (this.running) this.onError(new Error('the server closed a polling connection'));
        this.running = false;
      });
      this.socket = socket;
    });
  }

  /** Stops asking; the answer in flight, if any, is still read. */
  stop(): void {
    this.running = false;
    this.socket?.destroy();
  }

  private send(): void {
    this.sentAt = performance.now();
    this.socket!.write(this.request);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const response = this.takeResponse();
      if (!response) return;
      this.onResponse(response);
      if (this.running) this.send();
    }
  }

  /** One complete response off the front of the buffer, or null if it is not all here yet. */
  private takeResponse(): PollResponse | null {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return null;
    const head = this.buffer.slice(0, headEnd).toLowerCase();
    const status = Number(head.slice(9, 12));
    const bodyStart = headEnd + 4;
    let body: string;
    let end: number;
    const length = /\r\ncontent-length: *(\d+)/.exec(head);
    if (length) {
      end = bodyStart + Number(length[1]);
      if (this.buffer.length < end) return null;
      body = this.buffer.slice(bodyStart, end);
    } else if (head.includes('transfer-encoding: chunked')) {
      const parts: string[] = [];
      let at = bodyStart;
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return null;
        const size = parseInt(this.buffer.slice(at, lineEnd), 16);
        const dataEnd = lineEnd + 2 + size;
        if (this.buffer.length < dataEnd + 2) return null;
        if (size === 0) {
          end = dataEnd + 2;
          break;
        }
        parts.push(this.buffer.slice(lineEnd + 2, dataEnd));
        at = dataEnd + 2;
      }
      body = parts.join('');
    } else {
      throw new Error(`cannot tell where the response ends: ${head.slice(0, 200)}`);
    }
    this.buffer = this.buffer.slice(end);
    return { status, body, latencyMs: performance.now() - this.sentAt };
  }
}
