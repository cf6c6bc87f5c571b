import { formatBytes } from '@parley/shared';
import type { Party } from '../core/party.js';
import type { LimitStore } from '../store/store.js';

export type UploadLimits = {
  /** Bytes of files one conversation may hold, from both sides. */
  perConversationBytes: number;
  /** Bytes one visitor may upload, counted until a day passes without an upload. */
  perVisitorBytesPerDay: number;
  /** The same for one network address (a visitor id is free to replace). */
  perNetworkBytesPerDay: number;
  /** Files one sender (visitor or agent) may send in a row before a minute's pause. */
  perMinute: number;
  /** Bytes left free on the store's disk: uploads stop there, so that messages can still be written. */
  diskReserveBytes: number;
};

/** An upload about to be read: who sends it, where from, into which chat, and how large it says it is. */
export type UploadAsk = { party: Party; network: string; conversationId: string; bytes: number };

export type UploadRefusal = { status: number; code: string; message: string; retryAfterSeconds: number | null };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3600_000;
/** A conversation's total is kept long after its last file: chats rarely last this long. */
const CONVERSATION_MS = 90 * DAY_MS;

/**
 * What keeps one visitor from filling the disk: a rate of files per sender, byte quotas per
 * conversation, per visitor and per network address, and a reserve of free disk space that
 * uploads never take, so that the journal (messages) can always be written. The counters are the
 * store's, so every node of a cluster shares them.
 */
export class UploadAllowance {
  constructor(
    private readonly counters: LimitStore,
    private readonly diskFree: () => Promise<number | null>,
    private readonly limits: UploadLimits,
    private readonly now: () => number,
  ) {}

  /** The refusal for this upload, or null when it may go ahead. */
  async check(ask: UploadAsk): Promise<UploadRefusal | null> {
    const { limits } = this;
    const counters = this.countersFor(ask);
    const counts = await this.counters.read(counters.map((counter) => counter.key));
    const used = (what: Counter['what']) => counts[counters.findIndex((counter) => counter.what === what)]?.count ?? 0;
    if (used('rate') >= limits.perMinute) {
      return { status: 429, code: 'UPLOAD_RATE_LIMITED', message: 'You are sending files too fast; wait a minute and send again.', retryAfterSeconds: 60 };
    }
    if (used('conversation') + ask.bytes > limits.perConversationBytes) {
      return {
        status: 413,
        code: 'UPLOAD_QUOTA',
        message: `This chat has reached its limit of ${formatBytes(limits.perConversationBytes)} of files.`,
        retryAfterSeconds: null,
      };
    }
    if (used('visitor') + ask.bytes > limits.perVisitorBytesPerDay || used('network') + ask.bytes > limits.perNetworkBytesPerDay) {
      return { status: 429, code: 'UPLOAD_QUOTA', message: 'You have sent many files today; try again tomorrow.', retryAfterSeconds: DAY_MS / 1000 };
    }
    const free = await this.diskFree();
    if (free !== null && free - ask.bytes < limits.diskReserveBytes) {
      return { status: 507, code: 'UNAVAILABLE', message: 'The server is short of disk space; send the file again later.', retryAfterSeconds: 300 };
    }
    return null;
  }

  /** Counts an upload that was stored, by its real size. */
  async count(ask: UploadAsk): Promise<void> {
    const now = this.now();
    await Promise.all(this.countersFor(ask).map(({ key, forgetMs, amount }) => this.counters.hit(key, now, forgetMs, amount)));
  }

  /** The counters an upload goes to: its sender's rate, its conversation's bytes and, for a visitor, the visitor's and the address's bytes. */
  private countersFor(ask: UploadAsk): Counter[] {
    const sender = ask.party.kind === 'visitor' ? `visitor:${ask.party.visitorId}` : `agent:${ask.party.agentId}`;
    const counters: Counter[] = [
      { what: 'rate', key: `upload-rate:${sender}`, forgetMs: MINUTE_MS, amount: 1 },
      { what: 'conversation', key: `upload-bytes:conversation:${ask.conversationId}`, forgetMs: CONVERSATION_MS, amount: ask.bytes },
    ];
    if (ask.party.kind === 'visitor') {
      counters.push(
        { what: 'visitor', key: `upload-bytes:${sender}`, forgetMs: DAY_MS, amount: ask.bytes },
        { what: 'network', key: `upload-bytes:network:${ask.network}`, forgetMs: DAY_MS, amount: ask.bytes },
      );
    }
    return counters;
  }
}

type Counter = { what: 'rate' | 'conversation' | 'visitor' | 'network'; key: string; forgetMs: number; amount: number };
