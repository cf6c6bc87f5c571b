import { CloseCode, ErrorCode, type FrameParseResult } from '@parley/shared';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../core/fake-clock.js';
import { Refusal } from '../core/refusal.js';
import type { Connection } from '../transport/transport.js';
import { FramePipeline, type PipelineState } from './frame-pipeline.js';

type Frame = { type: 'hello' } | { type: 'message'; clientId: string };

/** A socket that keeps what the server did to it. */
class RecordingConnection implements Connection {
  readonly remoteAddress = '127.0.0.1';
  readonly sent: { type: string; code?: string; ref?: string }[] = [];
  closedWith: number | null = null;
  send(text: string): void {
    if (this.closedWith === null) this.sent.push(JSON.parse(text));
  }
  close(code: number): void {
    this.closedWith ??= code;
  }
  cork(batch: () => void): void {
    batch();
  }
  get closed(): boolean {
    return this.closedWith !== null;
  }
}

/** A pipeline whose message handler refuses each client id with the code `refusals` gives (or stores it). */
function pipelineWith(refusals: Record<string, ErrorCode>) {
  const stored: string[] = [];
  const pipeline = new FramePipeline<PipelineState, Frame>({
    parse: (text) => ({ ok: true, frame: JSON.parse(text) }) as FrameParseResult<Frame>,
    handlers: {
      hello: (session) => {
        session.phase = 'ready';
      },
      message: async (_session, frame) => {
        const code = refusals[frame.clientId];
        if (code) throw new Refusal(code, 'refused');
        stored.push(frame.clientId);
      },
    },
    clock: new FakeClock(0),
    limits: { messagesPerSecond: 100, messagesBurst: 100, typingPerSecond: 10, typingBurst: 10 },
    log: pino({ level: 'silent' }),
    helloTimeoutMs: null,
  });
  const connection = new RecordingConnection();
  const session = pipeline.initialState(connection);
  const receive = (frame: Frame) => {
    if (!connection.closed) pipeline.receive(session, JSON.stringify(frame));
  };
  receive({ type: 'hello' });
  return { connection, stored, receive };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the frame pipeline', () => {
  it('closes with 1013 after a "not now" refusal, so nothing sent after that frame is stored ahead of it', async () => {
    const { connection, stored, receive } = pipelineWith({ m2: ErrorCode.UNAVAILABLE });
    receive({ type: 'message', clientId: 'm1' });
    receive({ type: 'message', clientId: 'm2' });
    await settle();
    receive({ type: 'message', clientId: 'm3' });
    await settle();

    expect(connection.sent).toEqual([expect.objectContaining({ type: 'error', code: ErrorCode.UNAVAILABLE, ref: 'm2' })]);
    expect(connection.closedWith).toBe(CloseCode.TRY_AGAIN_LATER);
    expect(stored).toEqual(['m1']);
  });

  it('keeps the connection open after a refusal that means "no"', async () => {
    const { connection, stored, receive } = pipelineWith({ m1: ErrorCode.NOT_ALLOWED });
    receive({ type: 'message', clientId: 'm1' });
    receive({ type: 'message', clientId: 'm2' });
    await settle();

    expect(connection.sent).toEqual([expect.objectContaining({ type: 'error', code: ErrorCode.NOT_ALLOWED, ref: 'm1' })]);
    expect(connection.closedWith).toBeNull();
    expect(stored).toEqual(['m2']);
  });
});
