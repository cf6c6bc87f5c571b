import { CloseCode } from '@parley/shared/codes';
import { act, cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strings as english } from '../../i18n/en.js';
import { CONVERSATION_ID, renderChat } from '../test-kit.js';

const welcome = {
  type: 'welcome' as const,
  visitorId: 'visitor-000000000001',
  token: 'token-1',
  room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' as const },
  conversation: {
    id: CONVERSATION_ID,
    room: 'GENERAL',
    status: 'active' as const,
    phase: 'everyone' as const,
    agentName: 'Alice',
    lastSeq: 0,
    startedAt: 1,
    endedBy: null,
  },
};

/** The widget after the server closes its socket: the same policy as the console's (they share the client core), a test per code. */
describe('the widget after the server closes its socket', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  function droppedWith(code: number) {
    const page = renderChat();
    page.socket.deliver(welcome);
    act(() => page.socket.onclose?.(new CloseEvent('close', { code })));
    return page;
  }

  it.each([CloseCode.SIGNED_OUT, CloseCode.UNAUTHORIZED, CloseCode.CLIENT_NOT_ALLOWED])('stops for good after %i and says a reload is needed', (code) => {
    const { controller, getByText } = droppedWith(code);
    expect(controller.state.connection).toBe('closed');
    vi.advanceTimersByTime(60_000);
    expect(controller.state.connection).toBe('closed');
    expect(getByText(english.disconnected).getAttribute('role')).toBe('status');
  });

  it.each([CloseCode.FLOODING, CloseCode.TOO_MANY_ERRORS])('reconnects more gently after %i (4 to 8 s)', (code) => {
    const { controller, getByText } = droppedWith(code);
    expect(controller.state.connection).toBe('retrying');
    getByText(english.reconnecting);
    vi.advanceTimersByTime(5999);
    expect(controller.state.connection).toBe('retrying');
    vi.advanceTimersByTime(1);
    expect(controller.state.connection).toBe('connecting');
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
    const { controller } = droppedWith(code);
    expect(controller.state.connection).toBe('retrying');
    vi.advanceTimersByTime(374);
    expect(controller.state.connection).toBe('retrying');
    vi.advanceTimersByTime(1);
    expect(controller.state.connection).toBe('connecting');
  });
});
