import { CloseCode } from '../codes.js';
import { reconnectDelay } from './backoff.js';
import { afterClose, SLOW_DOWN_ATTEMPT } from './close-policy.js';
import type { ConnectionChange, ConnectionState } from './connection-state.js';

/** The part of the browser's WebSocket a client uses (tests pass a stand-in). */
export type SocketLike = Pick<WebSocket, 'send' | 'close'> & {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror?: ((event: Event) => void) | null;
};

export type ClientSocketOptions<Out, In> = {
  url: string;
  /**
   * What to say once the socket opens, built at every attempt (so it carries what is true now):
   * a hello, or null to stay `listening` without a session until `greet`.
   */
  hello: () => Out | null;
  onFrame: (frame: In) => void;
  onState: (change: ConnectionChange) => void;
  createSocket?: (url: string) => SocketLike;
  /** Where `online` and `offline` events come from: the window. */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  random?: () => number;
  now?: () => number;
};

/**
 * A client's one WebSocket, kept alive: hello on every open (or when asked, see `greet`), ready
 * only once welcomed, and after a drop a reconnect with jittered exponential backoff, gentler
 * after the server's flood codes and never after a final code (see afterClose). When the browser
 * goes offline the socket is dropped at once: browsers keep a WebSocket "open" across a network
 * change until TCP gives up, minutes later, and frames sent into it would only wait. When the
 * network is back, it reconnects at once. It knows nothing of chats: its owner resyncs after
 * each welcome.
 */
export class ClientSocket<Out extends { type: string }, In extends { type: string }> {
  private current: ConnectionState = 'idle';
  private socket: SocketLike | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly network: ClientSocketOptions<Out, In>['network'];

  constructor(private readonly options: ClientSocketOptions<Out, In>) {
    this.network = options.network ?? (typeof window === 'undefined' ? undefined : window);
  }

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (this.current !== 'idle') return;
    this.network?.addEventListener('online', this.wentOnline);
    this.network?.addEventListener('offline', this.wentOffline);
    if (isOffline()) this.setState('offline');
    else this.connect();
  }

  /** Says hello now if the socket is open without a session (the person just asked for one). */
  greet(): void {
    if (this.current === 'listening') this.sendHello();
  }

  /** Sends when welcomed; false otherwise (the caller keeps the frame for after the next welcome). */
  send(frame: Out): boolean {
    if (this.current !== 'ready' || !this.socket) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Skips the rest of the wait ("Retry now"). */
  retryNow(): void {
    if (this.current === 'retrying' || this.current === 'offline') this.connect();
  }

  /** Closes for good; no reconnect. */
  stop(): void {
    this.network?.removeEventListener('online', this.wentOnline);
    this.network?.removeEventListener('offline', this.wentOffline);
    this.clearTimer();
    this.drop();
    this.setState('closed');
  }

  private connect(): void {
    this.clearTimer();
    this.drop();
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = (this.options.createSocket ?? ((url) => new WebSocket(url)))(this.options.url);
    } catch {
      // The page's Content-Security-Policy (or the browser) refused the connection outright: a
      // connection that failed, retried with backoff, so that the visitor sees it and it comes
      // once the page allows it.
      return this.closed(CloseCode.ABNORMAL);
    }
    this.socket = socket;
    socket.onopen = () => {
      this.setState('listening');
      this.sendHello();
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let frame: In;
      try {
        frame = JSON.parse(event.data) as In;
      } catch {
        return; // the server only sends JSON; anything else is not ours to act on
      }
      if (frame.type === 'welcome') {
        this.attempt = 0;
        this.setState('ready');
      }
      this.options.onFrame(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closed(event.code ?? CloseCode.ABNORMAL);
    };
    // A failed connection fires `error`, then `close`, except when the page's Content-Security-Policy
    // refused it: Chromium then fires `error` alone. If no `close` has come by the next task, it
    // never will: the attempt failed.
    socket.onerror = () => {
      setTimeout(() => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.closed(CloseCode.ABNORMAL);
      }, 0);
    };
  }

  private sendHello(): void {
    const hello = this.options.hello();
    if (!hello || !this.socket) return;
    this.socket.send(JSON.stringify(hello));
    this.setState('greeting');
  }

  private closed(code: number): void {
    if (this.current === 'closed' || this.current === 'idle') return;
    const policy = afterClose(code);
    if (policy === 'stop') return this.setState('closed', null, code);
    if (isOffline()) return this.setState('offline', null, code);
    if (policy === 'slow-down') this.attempt = Math.max(this.attempt, SLOW_DOWN_ATTEMPT);
    const delay = reconnectDelay(this.attempt++, this.options.random);
    this.timer = setTimeout(() => this.connect(), delay);
    this.setState('retrying', (this.options.now ?? Date.now)() + delay, code);
  }

  private readonly wentOnline = (): void => {
    if (this.current !== 'retrying' && this.current !== 'offline') return;
    this.attempt = 0;
    this.connect();
  };

  /** The browser lost its network: the socket cannot be trusted (it may even look open), so drop it now. */
  private readonly wentOffline = (): void => {
    if (this.current === 'closed' || this.current === 'idle') return;
    this.clearTimer();
    this.drop();
    this.setState('offline');
  };

  /** Closes the socket without hearing about it (its onclose would schedule a reconnect). */
  private drop(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    socket.onerror = null;
    try {
      socket.close(CloseCode.NORMAL);
    } catch {
      // Already closing: nothing more to do.
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: ConnectionState, retryAt: number | null = null, closeCode: number | null = null): void {
    const previous = this.current;
    if (previous === state && retryAt === null) return;
    this.current = state;
    this.options.onState({ state, previous, retryAt, closeCode });
  }
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
