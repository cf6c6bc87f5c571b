import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '../codes.js';
import { ClientSocket, type SocketLike } from './client-socket.js';
import type { ConnectionChange } from './connection-state.js';

type Frame = { type: string };

/** Stands in for the browser's WebSocket: records what was sent, lets the test open, answer and close it. */
class FakeSocket {
  sent: Frame[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as Frame);
  }
  close(code: number) {
    this.closedWith = code;
  }
  open() {
    this.onopen?.();
  }
  welcome() {
    this.onmessage?.({ data: JSON.stringify({ type: 'welcome' }) });
  }
  drop(code: number) {
    this.onclose?.({ code });
  }
}

describe('the client socket', () => {
  let sockets: FakeSocket[];
  let changes: ConnectionChange[];
  let frames: Frame[];
  let network: EventTarget;
  let wantsSession: boolean;
  let socket: ClientSocket<Frame, Frame>;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    changes = [];
    frames = [];
    network = new EventTarget();
    wantsSession = true;
    socket = new ClientSocket<Frame, Frame>({
      url: 'ws://parley.test/ws/agent',
      hello: () => (wantsSession ? { type: 'hello' } : null),
      onFrame: (frame) => frames.push(frame),
      onState: (change) => changes.push(change),
      createSocket: () => {
        const fake = new FakeSocket();
        sockets.push(fake);
        return fake as unknown as SocketLike;
      },
      network,
      random: () => 0.5,
      now: () => Date.now(),
    });
  });
  afterEach(() => {
    socket.stop();
    vi.useRealTimers();
  });

  const states = () => changes.map((c) => c.state);
  const lastWait = () => changes.at(-1)!.retryAt! - Date.now();

  it('says hello on every open and is ready only once welcomed', () => {
    socket.start();
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: 'hello' }]);
    expect(socket.send({ type: 'status' })).toBe(false);
    sockets[0]!.welcome();
    expect(states()).toEqual(['connecting', 'listening', 'greeting', 'ready']);
    expect(socket.send({ type: 'status' })).toBe(true);
    expect(frames).toEqual([{ type: 'welcome' }]);
  });

  it('stays listening without a session until asked to greet', () => {
    wantsSession = false;
    socket.start();
    sockets[0]!.open();
    sockets[0]!.onmessage?.({ data: JSON.stringify({ type: 'availability' }) });
    expect(socket.state).toBe('listening');
    expect(sockets[0]!.sent).toEqual([]);
    expect(frames).toEqual([{ type: 'availability' }]);
    wantsSession = true;
    socket.greet();
    expect(sockets[0]!.sent).toEqual([{ type: 'hello' }]);
    expect(socket.state).toBe('greeting');
  });

  it('reconnects after a drop with growing, jittered waits, back to the shortest once welcomed again', () => {
    socket.start();
    sockets[0]!.drop(CloseCode.SERVICE_RESTART);
    expect(changes.at(-1)).toMatchObject({ state: 'retrying', closeCode: CloseCode.SERVICE_RESTART });
    // Attempt 0: between 250 and 500 ms (half fixed, half random); random() = 0.5 gives 375.
    expect(lastWait()).toBe(375);
    vi.advanceTimersByTime(375);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop(CloseCode.ABNORMAL);
    expect(lastWait()).toBe(750);
    vi.advanceTimersByTime(750);
    sockets[2]!.open();
    sockets[2]!.welcome();
    sockets[2]!.drop(CloseCode.ABNORMAL);
    expect(lastWait()).toBe(375);
  });

  it('drops the socket the moment the browser goes offline, and reconnects the moment it is back', () => {
    socket.start();
    sockets[0]!.open();
    sockets[0]!.welcome();
    network.dispatchEvent(new Event('offline'));
    expect(sockets[0]!.closedWith).toBe(CloseCode.NORMAL);
    expect(socket.state).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    network.dispatchEvent(new Event('online'));
    expect(sockets).toHaveLength(2);
    expect(socket.state).toBe('connecting');
  });

  it('retries at once when asked, and not at all once stopped', () => {
    socket.start();
    sockets[0]!.drop(CloseCode.ABNORMAL);
    socket.retryNow();
    expect(sockets).toHaveLength(2);
    socket.stop();
    expect(socket.state).toBe('closed');
    sockets[1]!.drop(CloseCode.ABNORMAL);
    network.dispatchEvent(new Event('online'));
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  // Every close code the server sends, and what the client does after it.
  const policy: Record<keyof typeof CloseCode, 'stop' | 'slow-down' | 'retry'> = {
    NORMAL: 'retry',
    ABNORMAL: 'retry',
    MESSAGE_TOO_BIG: 'retry',
    SERVICE_RESTART: 'retry',
    TRY_AGAIN_LATER: 'retry',
    HELLO_TIMEOUT: 'retry',
    UNAUTHORIZED: 'stop',
    SIGNED_OUT: 'stop',
    CLIENT_NOT_ALLOWED: 'stop',
    FLOODING: 'slow-down',
    SLOW_CONSUMER: 'retry',
    TOO_MANY_ERRORS: 'slow-down',
  };
  it.each(Object.entries(policy))('after close code %s it does this: %s', (name, expected) => {
    const code = CloseCode[name as keyof typeof CloseCode];
    socket.start();
    sockets[0]!.open();
    sockets[0]!.welcome();
    sockets[0]!.drop(code);
    if (expected === 'stop') {
      expect(changes.at(-1)).toMatchObject({ state: 'closed', closeCode: code });
      vi.advanceTimersByTime(60_000);
      expect(sockets).toHaveLength(1);
      return;
    }
    expect(changes.at(-1)).toMatchObject({ state: 'retrying', closeCode: code });
    // A gentler client starts its backoff at attempt 4: between 4 and 8 s; otherwise 250 to 500 ms.
    expect(lastWait()).toBe(expected === 'slow-down' ? 6000 : 375);
  });

  it('treats a socket the browser refuses to create (a page CSP) as a failed connection: retrying, and connected once allowed', () => {
    let refuse = true;
    const attempts: string[] = [];
    const refused = new ClientSocket<Frame, Frame>({
      url: 'ws://parley.test/ws/visitor',
      hello: () => ({ type: 'hello' }),
      onFrame: () => {},
      onState: (change) => attempts.push(change.state),
      createSocket: () => {
        if (refuse) throw new DOMException("Refused to connect because it violates the document's Content Security Policy.", 'SecurityError');
        const fake = new FakeSocket();
        sockets.push(fake);
        return fake as unknown as SocketLike;
      },
      network,
      random: () => 0.5,
      now: () => Date.now(),
    });
    refused.start();
    expect(refused.state).toBe('retrying');
    refuse = false;
    vi.advanceTimersByTime(60_000);
    sockets.at(-1)!.open();
    sockets.at(-1)!.welcome();
    expect(refused.state).toBe('ready');
    expect(attempts.slice(0, 2)).toEqual(['connecting', 'retrying']);
    refused.stop();
  });

  it('treats a socket that fails with an error and no close (Chromium, when the page CSP blocks it) as a failed connection', () => {
    socket.start();
    sockets[0]!.onerror?.();
    vi.advanceTimersByTime(0);
    expect(socket.state).toBe('retrying');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it('counts an error followed by its close once', () => {
    socket.start();
    sockets[0]!.onerror?.();
    sockets[0]!.drop(CloseCode.ABNORMAL);
    vi.advanceTimersByTime(0);
    expect(changes.filter((change) => change.state === 'retrying')).toHaveLength(1);
  });
});
