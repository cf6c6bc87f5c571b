import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '@parley/shared/codes';
import { AgentSocket, type SocketChange } from './agent-socket.js';

/** Stands in for the browser's WebSocket: records what was sent, lets the test open, answer and close it. */
class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  send(data: string) {
    this.sent.push(data);
  }
  close(code: number) {
    this.closedWith = code;
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  welcome() {
    this.onmessage?.({ data: JSON.stringify({ type: 'welcome' }) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

describe('the console socket', () => {
  let sockets: FakeSocket[];
  let changes: SocketChange[];
  let network: EventTarget;
  let socket: AgentSocket;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    sockets = [];
    changes = [];
    network = new EventTarget();
    socket = new AgentSocket({
      url: 'ws://parley.test/ws/agent',
      hello: () => ({ type: 'hello', token: 't', client: 'browser', status: 'TAKING_BREAK' }),
      onFrame: () => {},
      onState: (change) => changes.push(change),
      createSocket: () => {
        const fake = new FakeSocket();
        sockets.push(fake);
        return fake as unknown as WebSocket;
      },
      network: network as unknown as Window,
      random: () => 0.5,
      now: () => Date.now(),
    });
  });
  afterEach(() => {
    socket.stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const states = () => changes.map((c) => c.state);

  it('says hello on every open and is open only once welcomed', () => {
    socket.start();
    sockets[0]!.open();
    expect(JSON.parse(sockets[0]!.sent[0]!)).toEqual({ type: 'hello', token: 't', client: 'browser', status: 'TAKING_BREAK' });
    expect(socket.send({ type: 'status', status: 'WAITING_NEW_CALL' })).toBe(false);
    sockets[0]!.welcome();
    expect(states()).toEqual(['connecting', 'open']);
    expect(socket.send({ type: 'status', status: 'WAITING_NEW_CALL' })).toBe(true);
  });

  it('reconnects after a drop with growing, jittered waits, back to the shortest once welcomed again', () => {
    socket.start();
    sockets[0]!.drop(CloseCode.SERVICE_RESTART);
    const first = changes.at(-1)!;
    expect(first.state).toBe('waiting');
    // Attempt 0: between 250 and 500 ms (half fixed, half random); random() = 0.5 gives 375.
    expect(first.retryAt! - Date.now()).toBe(375);
    vi.advanceTimersByTime(375);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop(1006);
    expect(changes.at(-1)!.retryAt! - Date.now()).toBe(750);
    vi.advanceTimersByTime(750);
    sockets[2]!.open();
    sockets[2]!.welcome();
    sockets[2]!.drop(1006);
    expect(changes.at(-1)!.retryAt! - Date.now()).toBe(375);
  });

  it('never reconnects after being signed out or losing its sign-in', () => {
    socket.start();
    sockets[0]!.drop(CloseCode.SIGNED_OUT);
    expect(changes.at(-1)).toMatchObject({ state: 'closed', closeCode: CloseCode.SIGNED_OUT });
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('drops the socket the moment the browser goes offline, and reconnects the moment it is back', () => {
    socket.start();
    sockets[0]!.open();
    sockets[0]!.welcome();
    network.dispatchEvent(new Event('offline'));
    expect(sockets[0]!.closedWith).toBe(CloseCode.NORMAL);
    expect(changes.at(-1)!.state).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    network.dispatchEvent(new Event('online'));
    expect(sockets).toHaveLength(2);
    expect(changes.at(-1)!.state).toBe('connecting');
  });

  it('backs off further when the server says it was flooded', () => {
    socket.start();
    sockets[0]!.drop(CloseCode.FLOODING);
    // Attempt 4: ceiling 8 s, so between 4 and 8 s.
    expect(changes.at(-1)!.retryAt! - Date.now()).toBe(6000);
  });
});
