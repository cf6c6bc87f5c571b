import type { EmailFeatures } from '@parley/shared';
import type { Logger } from 'pino';
import type { RoomEntry } from '../config/directory.js';
import type { ServerConfig } from '../config/load-config.js';
import type { Clock } from '../core/clock.js';
import type { Metrics } from '../core/metrics.js';
import type { Hub } from '../hub/create-hub.js';
import type { Sessions } from '../sessions/sessions.js';
import type { Store } from '../store/store.js';
import type { AlertPreferences } from './alert-preferences.js';
import { AlertRequests } from './alert-requests.js';
import { ChatLeads } from './chat-leads.js';
import type { EmailDeps } from './email-deps.js';
import { MailOutbox } from './mail-outbox.js';
import { createSmtpTransport } from './mail-transport.js';
import { MessageRequests } from './message-requests.js';
import { EmailRateLimiter } from './rate-limiter.js';
import { TranscriptRequests } from './transcript-requests.js';
import { VisitorEmailGuard } from './visitor-email-guard.js';

/** Email, assembled: what the gateway and the HTTP routes call. */
export type Email = {
  /** Which email features the widget offers in this room. */
  features(entry: RoomEntry): EmailFeatures;
  transcripts: TranscriptRequests;
  messages: MessageRequests;
  /** Ended chats their agents send as CRM leads. */
  leads: ChatLeads;
  alerts: AlertRequests;
  preferences: AlertPreferences;
  /** Loads the outbox a previous run left and starts sending. */
  start(): Promise<void>;
  /** Stops sending (waiting a little for emails the mail server is taking now). */
  stop(): Promise<void>;
};

export type EmailOptions = {
  config: ServerConfig;
  store: Store;
  hub: Hub;
  sessions: Sessions;
  clock: Clock;
  log: Logger;
  /** Agents' alert settings (every node reads and writes them; made by emailPreferences). */
  preferences: AlertPreferences;
  metrics?: Metrics;
};

/** Whether a mail server is configured: without one, every email feature is off. */
export function emailEnabled(config: ServerConfig): boolean {
  return Boolean(config.env.SMTP_URL && config.env.EMAIL_FROM);
}

/** Which email features the widget offers in a room (every node answers this from the settings). */
export function emailFeatures(config: ServerConfig): (entry: RoomEntry) => EmailFeatures {
  const enabled = emailEnabled(config);
  return ({ room }) => ({
    transcript: enabled && room.emailTranscript,
    leaveMessage: enabled && room.leaveMessage,
    alert: enabled && room.emailAlert,
  });
}

/**
 * Email is I/O, so it lives outside the hub: the hub's notifier tells it when agents become
 * ready, the gateway hands it visitors' requests, and the outbox sends through SMTP_URL. Without
 * SMTP_URL every feature is off, and emails a previous run recorded wait in the outbox.
 */
export function createEmail({ config, store, hub, sessions, clock, log, preferences, metrics }: EmailOptions): Email {
  const { env } = config;
  const enabled = emailEnabled(config);
  const emailLog = log.child({ part: 'email' });
  const outbox = new MailOutbox({
    store: store.outbox,
    transport: enabled ? createSmtpTransport(env.SMTP_URL!) : null,
    clock,
    log: emailLog,
    retryMs: env.EMAIL_RETRY_SECONDS * 1000,
    giveUpMs: env.EMAIL_GIVE_UP_HOURS * 3600 * 1000,
    ...(metrics ? { metrics } : {}),
  });
  const deps: EmailDeps = {
    hub,
    store,
    outbox,
    guard: new VisitorEmailGuard(new EmailRateLimiter(clock), {
      perVisitorPerHour: env.EMAIL_PER_VISITOR_PER_HOUR,
      perNetworkPerHour: env.EMAIL_PER_NETWORK_PER_HOUR,
      perAddressPerHour: env.EMAIL_PER_ADDRESS_PER_HOUR,
      perRoomPerHour: env.EMAIL_PER_ROOM_PER_HOUR,
    }),
    sessions,
    clock,
    log: emailLog,
    settings: {
      enabled,
      from: env.EMAIL_FROM ?? '',
      publicUrl: config.publicUrl,
      publicProfile: () => hub.directory.publicProfile(),
      linkMs: env.EMAIL_LINK_DAYS * 24 * 3600 * 1000,
    },
  };
  const alerts = new AlertRequests(deps, preferences, env.EMAIL_GIVE_UP_HOURS * 3600 * 1000);
  return {
    features: emailFeatures(config),
    transcripts: new TranscriptRequests(deps),
    messages: new MessageRequests(deps),
    leads: new ChatLeads(deps),
    alerts,
    preferences,
    async start() {
      await outbox.start();
      alerts.start();
    },
    async stop() {
      alerts.stop();
      await outbox.stop();
    },
  };
}
