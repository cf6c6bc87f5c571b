import { type EmailAlertFrame, type EmailQueuedFrame, ErrorCode, isEmailAddress } from '@parley/shared';
import { isOriginAllowed } from '../config/origin-policy.js';
import type { Timer } from '../core/clock.js';
import type { EmailRequester } from '../core/party.js';
import { Refusal } from '../core/refusal.js';
import { visitorName } from '../hub/views.js';
import type { OutboxRecord } from '../store/outbox-record.js';
import { agentAlertMail, visitorAlertMail } from './alert-mails.js';
import type { AlertPreferences } from './alert-preferences.js';
import { composeMail } from './compose-mail.js';
import type { EmailDeps } from './email-deps.js';
import { welcomeFormEmail } from './form-email.js';
import { outboxId } from './outbox-ids.js';
import { senderProfile } from './sender-profile.js';

/**
 * Where the alert sends the visitor back: the page they waited on (its widget knows them: their
 * chat is there; Parley's own chat page knows nothing of them). The page's address is what the
 * visitor's browser said, and anyone may type anyone's address in the alert form: so only a page
 * of a site the room lists (its whitelisted domains) is linked, never one a visitor made up.
 */
function pageToReturnTo(url: string | undefined, sites: readonly string[]): string | null {
  if (!url || sites.length === 0) return null;
  try {
    const parsed = new URL(url);
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    return web && isOriginAllowed(parsed.origin, sites) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The email alert. A waiting visitor asks to be emailed when an agent is free: their
 * email is recorded at once but held, and agents of the room who turned email alerts on are
 * emailed at once. When an agent of the room becomes ready (the hub says so through
 * `readyAgentsChanged`; in an agent's private room, that agent), held alerts of that room go out
 * once the room's offer timeout has passed with the chat still waiting: an agent who takes it
 * within that time (most do, in seconds) saves the visitor an email they no longer need. Agents
 * who were ready already do not count: they are busy, or being offered the chat. Held alerts
 * survive restarts with the outbox (a pending look is made again when an agent next becomes ready).
 */
export class AlertRequests {
  private readonly changed = new Set<string>();
  private flush: Timer | null = null;
  /** The room's ready agents at the last look, to tell who has just become ready. */
  private readonly readyBefore = new Map<string, Set<string>>();
  /** Held alerts whose room has a newly ready agent: looked at again once the offer timeout passed. */
  private readonly settling = new Map<string, Timer>();

  constructor(
    private readonly deps: EmailDeps,
    private readonly preferences: AlertPreferences,
    /** An alert held longer than this is dropped (the visitor has long stopped waiting). */
    private readonly expireMs: number,
  ) {}

  async request(requester: EmailRequester, frame: EmailAlertFrame): Promise<EmailQueuedFrame> {
    const { hub, outbox, guard, settings } = this.deps;
    const record = await hub.messaging.readable({ kind: 'visitor', visitorId: requester.visitorId }, frame.conversationId);
    const room = hub.directory.room(record.room);
    if (!settings.enabled || !room?.emailAlert) throw new Refusal(ErrorCode.EMAIL_UNAVAILABLE, 'Email alerts are not offered here.');
    if (record.status !== 'waiting') throw new Refusal(ErrorCode.EMAIL_UNAVAILABLE, 'An alert can be asked for while waiting for an agent.');
    const to = frame.email ?? welcomeFormEmail(record.form, room.welcomeForm);
    if (!to || !isEmailAddress(to)) throw new Refusal(ErrorCode.EMAIL_ADDRESS_INVALID, 'Which address should we write to? Type your email address.');
    const answer: EmailQueuedFrame = { type: 'emailQueued', clientId: frame.clientId, request: 'alert', to };
    const visitorAlertId = outboxId('visitor-alert', record.id);
    if (await this.deps.store.outbox.state(visitorAlertId)) return answer;
    // Opted-in agents are emailed too: the room's own addresses.
    const ask = { requester, to, room: room.name };
    guard.check(ask);

    const company = senderProfile(room, settings.publicProfile()).companyName;
    const chatRoom = record.privateFor === null ? room.name : (hub.directory.agent(record.privateFor)?.privateRoom ?? room.name);
    const records: OutboxRecord[] = [
      composeMail(this.deps, {
        id: visitorAlertId,
        kind: 'visitor-alert',
        room,
        to,
        content: visitorAlertMail({
          company,
          language: room.language,
          chatUrl: pageToReturnTo(record.context.url, room.whitelistedDomains) ?? `${settings.publicUrl}/chat/${encodeURIComponent(chatRoom)}`,
        }),
        hold: { room: room.name, privateFor: record.privateFor, conversationId: record.id },
      }),
    ];
    const agents =
      record.privateFor === null
        ? hub.directory.agents().filter((a) => a.rooms.includes(room.name))
        : [hub.directory.agent(record.privateFor)].filter((a) => a !== undefined);
    const content = agentAlertMail({
      company,
      language: room.language,
      roomLabel: room.label,
      visitorName: visitorName(record),
      consoleUrl: `${settings.publicUrl}/agent/`,
    });
    for (const agent of agents) {
      if (!isEmailAddress(agent.id) || !(await this.preferences.wantsAlerts(agent.id))) continue;
      records.push(
        composeMail(this.deps, { id: outboxId('agent-alert', record.id, agent.id.toLowerCase()), kind: 'agent-alert', room, to: agent.id, content }),
      );
    }
    await outbox.add(records);
    guard.count(ask);
    if (!this.readyBefore.has(room.name)) this.readyBefore.set(room.name, this.readyNow(room.name));
    return answer;
  }

  /** From the hub's notifier: looked at on the next tick (a burst of changes costs one look). */
  readyAgentsChanged(room: string): void {
    this.changed.add(room);
    this.flush ??= this.deps.clock.setTimer(0, () => {
      this.flush = null;
      const rooms = [...this.changed];
      this.changed.clear();
      this.releaseReady(rooms).catch((error: unknown) => this.deps.log.error({ err: error }, 'email alerts: could not release held alerts'));
    });
  }

  /** After a restart nobody is ready yet: the first agent of a room to become ready releases its held alerts. */
  start(): void {
    for (const record of this.deps.outbox.heldWhere(() => true)) this.readyBefore.set(record.hold!.room, new Set());
  }

  stop(): void {
    this.flush?.cancel();
    this.flush = null;
    for (const timer of this.settling.values()) timer.cancel();
    this.settling.clear();
  }

  private readyNow(room: string): Set<string> {
    const { hub } = this.deps;
    return new Set(
      hub.directory
        .agents()
        .filter((agent) => agent.rooms.includes(room) && hub.queues.isReady(agent.id, room))
        .map((agent) => agent.id),
    );
  }

  private async releaseReady(rooms: string[]): Promise<void> {
    const { hub, outbox, clock } = this.deps;
    const newlyReady = new Map<string, string[]>();
    for (const room of rooms) {
      if (!hub.directory.room(room)) continue;
      const now = this.readyNow(room);
      const before = this.readyBefore.get(room) ?? new Set();
      this.readyBefore.set(room, now);
      newlyReady.set(
        room,
        [...now].filter((id) => !before.has(id)),
      );
    }
    const held = outbox.heldWhere((record) => record.hold !== null && rooms.includes(record.hold.room));
    for (const record of held) {
      const hold = record.hold!;
      if (clock.now() - record.createdAt >= this.expireMs || !hub.directory.room(hold.room)) {
        await outbox.cancel(record.id, 'expired');
        continue;
      }
      const arrived = newlyReady.get(hold.room) ?? [];
      if (hold.privateFor === null ? arrived.length === 0 : !arrived.includes(hold.privateFor)) continue;
      if (this.settling.has(record.id)) continue;
      const waitMs = (hub.directory.room(hold.room)?.offerTimeoutSeconds ?? 30) * 1000;
      this.settling.set(
        record.id,
        clock.setTimer(waitMs, () => {
          this.settling.delete(record.id);
          this.sendUnlessTaken(record.id, hold.conversationId).catch((error: unknown) =>
            this.deps.log.error({ err: error }, 'email alerts: could not release an alert'),
          );
        }),
      );
    }
  }

  /** The visitor's alert goes, unless an agent took their chat meanwhile. */
  private async sendUnlessTaken(alertId: string, conversationId: string): Promise<void> {
    const { outbox } = this.deps;
    if (!outbox.heldWhere((record) => record.id === alertId).length) return;
    const conversation = await this.deps.store.conversations.get(conversationId);
    const served = conversation?.status === 'active' || (conversation?.status === 'ended' && conversation.agentId !== null);
    if (served) await outbox.cancel(alertId, 'an agent took the chat');
    else await outbox.release(alertId);
  }
}
