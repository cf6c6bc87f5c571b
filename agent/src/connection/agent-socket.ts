import { CloseCode, FINAL_CLOSE_CODES } from '@parley/shared/codes';
import type { AgentClientFrame, AgentHelloFrame, AgentServerFrame } from '@parley/shared';
import { reconnectDelay } from './backoff.js';

/**
 * `connecting`: a socket is opening or waiting for `welcome`; `open`: welcomed, frames flow;
 * `waiting`: dropped, the next attempt is due at `retryAt`; `offline`: the browser says there is
 * no network, we try again the moment it comes back; `closed`: for good (signed out, sign-in
 * expired, or stopped).
 */
export type SocketState = 'connecting' | 'open' | 'waiting' | 'offline' | 'closed';

export type SocketChange = { state: SocketState; previous: SocketState; retryAt: number | null; closeCode: number | null };

export type AgentSocketOptions = {
  url: string;
  /** Built at every attempt, so it carries the status the agent chose last. */
  hello: () => AgentHelloFrame;
  onFrame: (frame: AgentServerFrame) => void;
  onState: (change: SocketChange) => void;
  createSocket?: (url: string) => WebSocket;
  /** Where `online` and `offline` events come from (the window). */
  network?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  random?: () => number;
  now?: () => number;
};

/** Codes after which the server asks for a gentler client: start the backoff further along. */
const SLOW_DOWN_CODES: ReadonlySet<number> = new Set([CloseCode.FLOODING, CloseCode.TOO_MANY_ERRORS]);

/**
 * The console's one WebSocket to `/ws/agent`, kept alive: hello on every open, reconnect with
 * jittered exponential backoff after a drop, straight away when the network comes back, never
 * after a final close code. It knows nothing of chats; the controller resyncs after each welcome.
 */
export class AgentSocket {
  private socket: WebSocket | null = null;
  private state: SocketState = 'closed';
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private readonly network: NonNullable<AgentSocketOptions['network']> | undefined;

  constructor(private readonly options: AgentSocketOptions) {
    this.network = options.network ?? (typeof window === 'undefined' ? undefined : window);
  }

  get current(): SocketState {
    return this.state;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.network?.addEventListener('online', this.wentOnline);
    this.network?.addEventListener('offline', this.wentOffline);
    if (this.isOffline()) this.setState('offline');
    else this.connect();
  }

  /** Sends when welcomed; returns false otherwise (the caller keeps the frame for the resync). */
  send(frame: AgentClientFrame): boolean {
    if (this.state !== 'open' || !this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** "Retry now" in the banner: skip the rest of the wait. */
  retryNow(): void {
    if (this.state === 'waiting' || this.state === 'offline') this.connect();
  }

  /** Closes for good (sign-out); no reconnect. */
  stop(): void {
    this.started = false;
    this.network?.removeEventListener('online', this.wentOnline);
    this.network?.removeEventListener('offline', this.wentOffline);
    this.clearTimer();
    this.drop(CloseCode.NORMAL);
    this.setState('closed');
  }

  private isOffline(): boolean {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  }

  private readonly wentOnline = (): void => {
    if (!this.started || this.state === 'closed') return;
    this.attempt = 0;
    this.connect();
  };

  /** The browser lost its network: the socket cannot be trusted (it may even look open), so drop it now. */
  private readonly wentOffline = (): void => {
    if (!this.started || this.state === 'closed') return;
    this.clearTimer();
    this.drop(CloseCode.NORMAL);
    this.setState('offline');
  };

  private connect(): void {
    this.clearTimer();
    this.drop(CloseCode.NORMAL);
    const socket = (this.options.createSocket ?? ((url) => new WebSocket(url)))(this.options.url);
    this.socket = socket;
    this.setState('connecting');
    socket.onopen = () => socket.send(JSON.stringify(this.options.hello()));
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let frame: AgentServerFrame;
      try {
        frame = JSON.parse(event.data) as AgentServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        this.attempt = 0;
        this.setState('open');
      }
      this.options.onFrame(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closed(event.code);
    };
  }

  private closed(code: number): void {
    if (!this.started) return;
    if (FINAL_CLOSE_CODES.has(code)) {
      this.started = false;
      this.setState('closed', null, code);
      return;
    }
    if (this.isOffline()) return this.setState('offline', null, code);
    if (SLOW_DOWN_CODES.has(code)) this.attempt = Math.max(this.attempt, 4);
    const delay = reconnectDelay(this.attempt++, this.options.random);
    const now = (this.options.now ?? Date.now)();
    this.timer = setTimeout(() => this.connect(), delay);
    this.setState('waiting', now + delay, code);
  }

  private drop(code: number): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    try {
      socket.close(code);
    } catch {
      // Already closing.
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SocketState, retryAt: number | null = null, closeCode: number | null = null): void {
    const previous = this.state;
    this.state = state;
    this.options.onState({ state, previous, retryAt, closeCode });
  }
}
