import type { Logger } from 'pino';
import type { Clock, Timer } from '../core/clock.js';
import type { Metrics } from '../core/metrics.js';
import { randomId } from '../core/random-id.js';
import type { OutboxRecord } from '../store/outbox-record.js';
import type { OutboxStore } from '../store/store.js';
import { classify, type MailTransport } from './mail-transport.js';
import { retryDelay } from './retry-policy.js';

export type MailOutboxOptions = {
  store: OutboxStore;
  /** Null when no mail server is configured: emails are kept, none is sent. */
  transport: MailTransport | null;
  clock: Clock;
  log: Logger;
  /** First wait after a failure (it doubles, up to an hour). */
  retryMs: number;
  /** An email still not sent this long after it was recorded is given up. */
  giveUpMs: number;
  /** Where emails given up are counted. */
  metrics?: Metrics;
};

/** Emails sent at once, at most. */
const CONCURRENCY = 3;
/**
 * How long this process may take to hand an email to the mail server before another node may
 * send it instead (it died mid-send, or stopped routing). Longer than any SMTP exchange.
 */
const CLAIM_MS = 120_000;
/** How long `stop` waits for emails already handed to the mail server. */
const STOP_WAIT_MS = 5_000;

/**
 * The durable outbox: an email is written to the store before anyone hears it will be sent, and
 * sent from there, again and again with growing waits while the mail server fails, until it is
 * accepted, refused for good, or too old. Held emails (visitors' alerts) wait for `release`.
 *
 * Exactly once: an email is marked sent as soon as the mail server has accepted it; a restart
 * sends whatever is not marked, so none is lost. The one window for a repeat is a crash between
 * the server's acceptance and that mark (one journal write): the email then goes again with the
 * same Message-ID and Date, which receiving systems use to recognise a repeat.
 *
 * A failure to reach the mail server (connection, TLS, authentication) pauses all sending with
 * the same growing wait, instead of trying every queued email against a server that is down.
 */
export class MailOutbox {
  /** Emails to send, by id, in the order recorded. */
  private readonly pending = new Map<string, OutboxRecord>();
  /** Held emails, by id. */
  private readonly held = new Map<string, OutboxRecord>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: Timer | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  /** Failures to reach the mail server in a row, and until when sending waits because of them. */
  private serverFailures = 0;
  private pausedUntil = 0;
  private stopped = false;
  /** Who this outbox is when claiming an email (several nodes may hold the same outbox store). */
  private readonly holder = `outbox-${randomId(12)}`;

  constructor(private readonly options: MailOutboxOptions) {}

  /** Loads what a previous run left and starts sending it. */
  async start(): Promise<void> {
    for (const record of await this.options.store.unfinished()) this.track(record);
    const waiting = this.pending.size;
    if (waiting > 0 || this.held.size > 0) {
      this.options.log.info({ pending: waiting, held: this.held.size }, 'outbox: emails left from before the restart');
    }
    if (waiting > 0 && !this.options.transport)
      this.options.log.warn({ pending: waiting }, 'outbox: emails are waiting but SMTP_URL is not set; none will be sent');
    this.schedule(0);
  }

  /** Records emails durably (an id already recorded is left as it is); resolves with the ids that were new. */
  async add(records: OutboxRecord[]): Promise<string[]> {
    const fresh = new Set(await this.options.store.add(records));
    for (const record of records) if (fresh.has(record.id)) this.track(record);
    this.schedule(0);
    return [...fresh];
  }

  /** Held emails for which `match` holds. */
  heldWhere(match: (record: OutboxRecord) => boolean): OutboxRecord[] {
    return [...this.held.values()].filter(match);
  }

  /** A held email is to be sent now. */
  async release(id: string): Promise<void> {
    const record = this.held.get(id);
    if (!record) return;
    this.held.delete(id);
    const now = this.options.clock.now();
    // Dated when it goes, not when it was asked for: it says someone is free now.
    const change = { state: 'pending' as const, nextAttemptAt: now, mail: { ...record.mail, date: now } };
    await this.options.store.update(id, change);
    this.pending.set(id, { ...record, ...change });
    this.schedule(0);
  }

  /** A held email is no longer wanted. */
  async cancel(id: string, reason: string): Promise<void> {
    const record = this.held.get(id);
    if (!record) return;
    this.held.delete(id);
    await this.options.store.update(id, { state: 'cancelled' });
    this.options.log.info({ email: id, kind: record.kind, room: record.room, reason }, 'outbox: held email cancelled');
  }

  /** Stops sending; waits (a little) for emails the mail server is taking right now. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
    const settled = Promise.allSettled([...this.inFlight.values()]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    this.options.transport?.close();
  }

  private track(record: OutboxRecord): void {
    if (record.state === 'held') this.held.set(record.id, record);
    else if (record.state === 'pending') this.pending.set(record.id, record);
  }

  /** Makes sure a pump runs `delayMs` from now, or sooner if one is already due sooner. */
  private schedule(delayMs: number): void {
    if (this.stopped || !this.options.transport) return;
    const at = this.options.clock.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    this.timer?.cancel();
    this.timerAt = at;
    this.timer = this.options.clock.setTimer(delayMs, () => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.pump();
    });
  }

  /** Starts what is due, up to the concurrency, and sets the timer for what comes next. */
  private pump(): void {
    if (this.stopped) return;
    const now = this.options.clock.now();
    if (this.pausedUntil > now) return this.schedule(this.pausedUntil - now);
    let next = Number.POSITIVE_INFINITY;
    for (const record of this.pending.values()) {
      if (this.inFlight.has(record.id)) continue;
      if (record.nextAttemptAt > now) next = Math.min(next, record.nextAttemptAt);
      else if (this.inFlight.size < CONCURRENCY) this.inFlight.set(record.id, this.attempt(record));
      else next = now;
    }
    // With sends in flight, their ends pump again; otherwise wake when the next email is due.
    if (next < Number.POSITIVE_INFINITY && (this.inFlight.size === 0 || next > now)) this.schedule(next - now);
  }

  private async attempt(record: OutboxRecord): Promise<void> {
    const { store, transport, clock, log } = this.options;
    const context = { email: record.id, kind: record.kind, room: record.room };
    try {
      if (!(await store.claim(record.id, this.holder, CLAIM_MS))) {
        // Another node sent it, or is sending it: forget it, or look again once that claim could have run out.
        if ((await store.state(record.id)) === 'pending') this.pending.set(record.id, { ...record, nextAttemptAt: clock.now() + CLAIM_MS });
        else this.pending.delete(record.id);
        return;
      }
      try {
        await transport!.send(record.mail);
      } catch (error) {
        return await this.failed(record, classify(error));
      }
      this.serverFailures = 0;
      this.pending.delete(record.id);
      await store.update(record.id, { state: 'sent', lastError: null });
      log.info({ ...context, attempts: record.attempts + 1, waitedMs: clock.now() - record.createdAt }, 'outbox: email sent');
    } catch (error) {
      // The store failed: the server stops (main's onFailure); nothing more to do here.
      log.error({ ...context, err: error }, 'outbox: could not record an email’s progress');
    } finally {
      this.inFlight.delete(record.id);
      // Already off the caller's stack: go on with what is due at once.
      this.pump();
    }
  }

  private async failed(record: OutboxRecord, failure: ReturnType<typeof classify>): Promise<void> {
    const { store, clock, log, retryMs, giveUpMs } = this.options;
    const now = clock.now();
    const attempts = record.attempts + 1;
    const context = { email: record.id, kind: record.kind, room: record.room, attempts, reason: failure.message };
    const tooOld = now - record.createdAt >= giveUpMs;
    if (failure.permanent || tooOld) {
      this.pending.delete(record.id);
      await store.update(record.id, { state: 'failed', attempts, lastError: failure.message });
      this.options.metrics?.emailsFailed.inc();
      log.error(
        context,
        failure.permanent ? 'outbox: the mail server refused an email; giving it up' : 'outbox: an email could not be sent in time; giving it up',
      );
      return;
    }
    let wait: number;
    if (failure.scope === 'server') {
      // Emails that were in flight together fail together: that is one failure of the server.
      if (this.pausedUntil <= now) this.pausedUntil = now + retryDelay(++this.serverFailures, retryMs);
      wait = this.pausedUntil - now;
    } else {
      wait = retryDelay(attempts, retryMs);
    }
    const change = { attempts, nextAttemptAt: now + wait, lastError: failure.message };
    this.pending.set(record.id, { ...record, ...change });
    await store.update(record.id, change);
    log.warn(
      { ...context, retryInMs: wait },
      failure.scope === 'server' ? 'outbox: the mail server is unreachable; sending waits' : 'outbox: the mail server put an email off; it will be tried again',
    );
  }
}
