import { CloseCode } from '@parley/shared/codes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWelcome } from '../test-support/fixtures.js';
import { ConsoleController } from './console-controller.js';

/** The server's side of the console's socket, played by the test. */
class FakeSocket {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  sent: { type: string; status?: string }[] = [];
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {}
  open() {
    this.onopen?.(new Event('open'));
  }
  deliver(frame: object) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
  drop(code: number) {
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

describe('the console after the server closes its socket', () => {
  let sockets: FakeSocket[];
  let signedOut: string[];
  let controller: ConsoleController;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    sockets = [];
    signedOut = [];
    controller = new ConsoleController({
      token: 'token',
      client: 'browser',
      url: 'ws://parley.test/ws/agent',
      onSignedOut: (reason) => signedOut.push(reason),
      createSocket: () => sockets[sockets.push(new FakeSocket()) - 1]!,
    });
    controller.start();
    sockets[0]!.open();
    sockets[0]!.deliver(agentWelcome());
  });
  afterEach(() => {
    controller.stop();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  // The same policy as the widget's, through the client core they share (a test per code).
  it.each([CloseCode.SIGNED_OUT, CloseCode.UNAUTHORIZED, CloseCode.CLIENT_NOT_ALLOWED])('stops for good after %i and shows the sign-in form', (code) => {
    sockets[0]!.drop(code);
    expect(controller.getConnection().state).toBe('closed');
    const reasons: Record<number, string> = {
      [CloseCode.SIGNED_OUT]: 'You have been signed out.',
      [CloseCode.UNAUTHORIZED]: 'Your sign-in has expired. Sign in again.',
      [CloseCode.CLIENT_NOT_ALLOWED]: 'Your account may not sign in on this kind of device. Ask your admin.',
    };
    expect(signedOut).toEqual([reasons[code]]);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it.each([CloseCode.FLOODING, CloseCode.TOO_MANY_ERRORS])('reconnects more gently after %i (4 to 8 s)', (code) => {
    sockets[0]!.drop(code);
    expect(controller.getConnection()).toEqual({ state: 'retrying', retryAt: Date.now() + 6000 });
    vi.advanceTimersByTime(5999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
  });

  it.each([
    CloseCode.NORMAL,
    CloseCode.ABNORMAL,
    CloseCode.MESSAGE_TOO_BIG,
    CloseCode.SERVICE_RESTART,
    CloseCode.TRY_AGAIN_LATER,
    CloseCode.HELLO_TIMEOUT,
    CloseCode.SLOW_CONSUMER,
  ])('reconnects soon after %i (a quarter to half a second)', (code) => {
    sockets[0]!.drop(code);
    expect(controller.getConnection()).toEqual({ state: 'retrying', retryAt: Date.now() + 375 });
    vi.advanceTimersByTime(375);
    expect(sockets).toHaveLength(2);
    expect(signedOut).toEqual([]);
  });

  it('says hello again with the status the server last gave this client, so a restart does not make a serving agent ready', () => {
    controller.setStatus('WAITING_NEW_CALL');
    // A chat was accepted: the server says the browser client is serving.
    sockets[0]!.deliver({ type: 'status', statuses: { browser: 'SERVING_CUSTOMER', mobile: null } });
    sockets[0]!.drop(CloseCode.SERVICE_RESTART);
    vi.advanceTimersByTime(60_000);
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]).toMatchObject({ type: 'hello', status: 'SERVING_CUSTOMER' });
  });
});
