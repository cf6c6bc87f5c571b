import type { VisitorServerFrame } from '@parley/shared';
import { backoffDelay } from './backoff.js';

/**
 * - `idle`: not started.
 * - `connecting`: the socket is opening.
 * - `listening`: open, without a session: the page hears the room's availability and nothing else.
 * - `greeting`: `hello` sent, waiting for `welcome`.
 * - `ready`: the session is live; frames may be sent.
 * - `retrying`: the socket dropped; the next attempt waits its jittered backoff.
 */
export type ConnectionState = 'idle' | 'connecting' | 'listening' | 'greeting' | 'ready' | 'retrying';

export type SocketLike = Pick<WebSocket, 'send' | 'close'> & {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
};

export type ConnectionListener = {
  state(previous: ConnectionState, next: ConnectionState): void;
  frame(frame: VisitorServerFrame): void;
};

/**
 * The visitor's WebSocket. It says `hello` only when the page has a session to resume or the
 * visitor wants one (`helloFrame` decides), reconnects after any drop with jittered exponential
 * backoff (at once when the browser comes back online), and never sends before `welcome`. When
 * the browser goes offline it drops the socket at once: browsers keep a WebSocket "open" across a
 * network change until TCP gives up, minutes later, and messages sent into it would only wait.
 */
export class VisitorConnection {
  private current: ConnectionState = 'idle';
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly helloFrame: () => object | null,
    private readonly listener: ConnectionListener,
    private readonly openSocket: (url: string) => SocketLike = (url) => new WebSocket(url),
  ) {}

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (this.current !== 'idle') return;
    addEventListener('online', this.reconnectNow);
    addEventListener('offline', this.dropNow);
    this.connect();
  }

  /** Say hello now if the socket is open without a session (the visitor just asked for one). */
  greet(): void {
    if (this.current === 'listening') this.sendHello();
  }

  /** Sends a frame if the session is live; false otherwise (the caller keeps it for later). */
  send(frame: object): boolean {
    if (this.current !== 'ready' || !this.socket) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private setState(next: ConnectionState): void {
    const previous = this.current;
    if (previous === next) return;
    this.current = next;
    this.listener.state(previous, next);
  }

  private connect(): void {
    this.setState('connecting');
    const socket = this.openSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.setState('listening');
      this.sendHello();
    };
    socket.onmessage = (event) => {
      let frame: VisitorServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as VisitorServerFrame;
      } catch {
        return; // the server only sends JSON; anything else is not ours to act on
      }
      if (frame.type === 'welcome') {
        this.attempt = 0;
        this.setState('ready');
      }
      this.listener.frame(frame);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setState('retrying');
      this.retryTimer = setTimeout(() => this.connect(), backoffDelay(this.attempt++));
    };
  }

  private sendHello(): void {
    const hello = this.helloFrame();
    if (!hello || !this.socket) return;
    this.socket.send(JSON.stringify(hello));
    this.setState('greeting');
  }

  private readonly dropNow = () => {
    const socket = this.socket;
    if (!socket) return;
    // Closing the socket runs its onclose, which schedules the retry; 'online' cuts the wait short.
    socket.close();
  };

  private readonly reconnectNow = () => {
    if (this.current !== 'retrying') return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.connect();
  };
}
