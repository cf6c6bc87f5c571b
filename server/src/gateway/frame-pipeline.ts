import { CloseCode, ErrorCode, type ErrorFrame, type FrameParseResult } from '@parley/shared';
import type { Logger } from 'pino';
import type { Clock, Timer } from '../core/clock.js';
import { Refusal } from '../core/refusal.js';
import type { Connection } from '../transport/transport.js';
import { FrameThrottle } from './frame-throttle.js';

export type RateLimits = {
  messagesPerSecond: number;
  messagesBurst: number;
  typingPerSecond: number;
  typingBurst: number;
};

/** Frames held back (while slowed down, or while `hello` is answered) before the connection counts as flooding. */
const MAX_BACKLOG = 20;
/** Typing events dropped in a row before the connection counts as flooding. */
const MAX_TYPING_DROPPED = 50;
/** Refused frames in a row (malformed, unknown, not allowed) before the client counts as broken. */
const MAX_REFUSALS = 50;
/** Time to send `hello` after connecting. */
const HELLO_TIMEOUT_MS = 10_000;

type Frame = { type: string };
export type FrameHandlers<S, F extends Frame> = { [K in F['type']]: (session: S, frame: Extract<F, { type: K }>) => Promise<void> | void };

/** Per-connection state the pipeline needs; endpoints extend it with their own. */
export type PipelineState = {
  readonly connection: Connection;
  phase: 'new' | 'greeting' | 'ready';
  frames: FrameThrottle;
  typing: FrameThrottle;
  backlog: { type: string }[] | null;
  backlogTimer: Timer | null;
  helloTimer: Timer | null;
  refusals: number;
  typingDropped: number;
};

/**
 * What every frame goes through, on both endpoints: parse and validate (zod), hold everything
 * until `hello` is answered, rate-limit (slow down, then close), dispatch through a table keyed by
 * type, and turn any refusal into one `error` frame. Nothing a client sends can throw past here.
 */
export class FramePipeline<S extends PipelineState, F extends Frame> {
  constructor(
    private readonly options: {
      parse: (text: string) => FrameParseResult<F>;
      handlers: FrameHandlers<S, F>;
      clock: Clock;
      limits: RateLimits;
      log: Logger;
      /** Time to send `hello` before the connection is closed (default 10 s); null: no deadline. */
      helloTimeoutMs?: number | null;
    },
  ) {}

  initialState(connection: Connection): PipelineState {
    const now = this.options.clock.now();
    const { limits } = this.options;
    const state: PipelineState = {
      connection,
      phase: 'new',
      frames: new FrameThrottle(limits.messagesPerSecond, limits.messagesBurst, now),
      typing: new FrameThrottle(limits.typingPerSecond, limits.typingBurst, now),
      backlog: null,
      backlogTimer: null,
      helloTimer: null,
      refusals: 0,
      typingDropped: 0,
    };
    const helloTimeoutMs = this.options.helloTimeoutMs === undefined ? HELLO_TIMEOUT_MS : this.options.helloTimeoutMs;
    if (helloTimeoutMs !== null) {
      state.helloTimer = this.options.clock.setTimer(helloTimeoutMs, () => {
        if (state.phase !== 'ready') connection.close(CloseCode.HELLO_TIMEOUT, 'no hello');
      });
    }
    return state;
  }

  receive(session: S, text: string): void {
    const parsed = this.options.parse(text);
    if (!parsed.ok) return this.refuse(session, { type: 'error', code: parsed.code, message: parsed.message, ...(parsed.ref ? { ref: parsed.ref } : {}) });
    const frame = parsed.frame;
    if (session.phase === 'new' && frame.type !== 'hello') {
      return this.refuse(session, { type: 'error', code: ErrorCode.HELLO_REQUIRED, message: 'Send hello first.', ref: frame.type });
    }
    if (session.phase !== 'new' && frame.type === 'hello') {
      return this.refuse(session, { type: 'error', code: ErrorCode.ALREADY_GREETED, message: 'This connection already has a session.', ref: 'hello' });
    }
    if (frame.type === 'typing') return this.typing(session, frame);
    if (session.backlog) return this.hold(session, frame);
    const wait = session.frames.take(this.options.clock.now());
    if (wait > 0) {
      this.hold(session, frame);
      this.drainLater(session, wait);
      return;
    }
    this.dispatch(session, frame);
  }

  /** Typing is ephemeral: over the limit it is dropped, and a connection that keeps at it is closed. */
  private typing(session: S, frame: F): void {
    if (session.phase !== 'ready') return;
    if (session.typing.take(this.options.clock.now()) > 0) {
      if (++session.typingDropped > MAX_TYPING_DROPPED) session.connection.close(CloseCode.FLOODING, 'too many typing events');
      return;
    }
    session.typingDropped = 0;
    this.dispatch(session, frame);
  }

  private hold(session: S, frame: F): void {
    session.backlog ??= [];
    if (session.backlog.length >= MAX_BACKLOG) {
      session.backlogTimer?.cancel();
      session.connection.close(CloseCode.FLOODING, 'sending too fast');
      return;
    }
    session.backlog.push(frame);
  }

  private drainLater(session: S, wait: number): void {
    session.backlogTimer ??= this.options.clock.setTimer(wait, () => {
      session.backlogTimer = null;
      this.drain(session);
    });
  }

  /** Runs held frames as the rate allows; called when the timer fires and when `hello` is answered. */
  drain(session: S): void {
    if (session.phase !== 'ready' || session.backlogTimer || session.connection.closed) return;
    while (session.backlog && session.backlog.length > 0) {
      const wait = session.frames.take(this.options.clock.now());
      if (wait > 0) return this.drainLater(session, wait);
      this.dispatch(session, session.backlog.shift() as F);
    }
    session.backlog = null;
  }

  private dispatch(session: S, frame: F): void {
    if (frame.type === 'hello') {
      session.phase = 'greeting';
      // Frames arriving while hello is answered wait their turn in the backlog.
      session.backlog ??= [];
    }
    const handler = this.options.handlers[frame.type as F['type']] as (session: S, frame: F) => Promise<void> | void;
    let result: Promise<void> | void;
    try {
      result = handler(session, frame);
    } catch (error) {
      return this.fail(session, frame, error);
    }
    // Handlers that finish at once return nothing; only the others make the frame wait a turn.
    if (result instanceof Promise) {
      result.then(
        () => this.succeeded(session, frame),
        (error: unknown) => this.fail(session, frame, error),
      );
    } else this.succeeded(session, frame);
  }

  private succeeded(session: S, frame: F): void {
    session.refusals = 0;
    if (frame.type === 'hello' && session.phase === 'ready') {
      session.helloTimer?.cancel();
      session.helloTimer = null;
      this.drain(session);
    }
  }

  /** The one place a thrown error becomes an error frame: HubErrors say why, anything else is logged. */
  private fail(session: S, frame: F, error: unknown): void {
    if (frame.type === 'hello') {
      // The session did not start: the client may try hello again; what it sent meanwhile is dropped.
      session.phase = 'new';
      session.backlog = null;
    }
    const ref =
      'clientId' in frame && typeof frame.clientId === 'string'
        ? frame.clientId
        : 'conversationId' in frame && typeof frame.conversationId === 'string'
          ? frame.conversationId
          : frame.type;
    if (error instanceof Refusal) {
      this.refuse(session, { type: 'error', code: error.code, message: error.message, ref });
      // "Not now" for anything (Redis away, routing moving): the connection closes, so nothing sent
      // after this frame on it can be stored ahead of it. The client reconnects with its backoff,
      // asks for what it missed and sends again what is unacknowledged, in the order it was written.
      if (error.code === ErrorCode.UNAVAILABLE) session.connection.close(CloseCode.TRY_AGAIN_LATER, 'try again in a moment');
      return;
    }
    this.options.log.error({ err: error, frame: frame.type }, 'frame handler failed');
    this.refuse(session, { type: 'error', code: ErrorCode.INTERNAL, message: 'Something went wrong on the server; try again.', ref });
  }

  private refuse(session: S, frame: ErrorFrame): void {
    session.connection.send(JSON.stringify(frame));
    if (++session.refusals > MAX_REFUSALS) session.connection.close(CloseCode.TOO_MANY_ERRORS, 'too many refused frames');
  }

  /** Stops timers when the connection closes. */
  dispose(session: S): void {
    session.helloTimer?.cancel();
    session.backlogTimer?.cancel();
    session.backlog = null;
  }
}
