import type { EmailFeatures } from '@parley/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/load-config.js';
import type { Sessions } from '../gateway/sessions.js';
import type { Clock } from '../hub/clock.js';
import type { Hub } from '../hub/create-hub.js';
import type { RoomEntry } from '../hub/directory.js';
import type { Store } from '../store/store.js';
import { AlertPreferences } from './alert-preferences.js';
import { AlertRequests } from './alert-requests.js';
import type { EmailDeps } from './email-deps.js';
import { createSmtpTransport } from './mail-transport.js';
import { MessageRequests } from './message-requests.js';
import { Outbox } from './outbox.js';
import { EmailRateLimiter } from './rate-limiter.js';
import { TranscriptRequests } from './transcript-requests.js';
import { VisitorEmailGuard } from './visitor-email-guard.js';

/** Email, assembled: what the gateway and the HTTP routes call. */
export type Email = {
  /** Which email features the widget offers in this room. */
  features(entry: RoomEntry): EmailFeatures;
  transcripts: TranscriptRequests;
  messages: MessageRequests;
  alerts: AlertRequests;
  preferences: AlertPreferences;
  /** Loads the outbox a previous run left and starts sending. */
  start(): Promise<void>;
  /** Stops sending (waiting a little for emails the mail server is taking now). */
  stop(): Promise<void>;
};

export type EmailOptions = { config: ServerConfig; store: Store; hub: Hub; sessions: Sessions; clock: Clock; log: Logger };

/**
 * Email is I/O, so it lives outside the hub: the hub's notifier tells it when agents become
 * ready, the gateway hands it visitors' requests, and the outbox sends through SMTP_URL. Without
 * SMTP_URL every feature is off, and emails a previous run recorded wait in the outbox.
 */
export function createEmail({ config, store, hub, sessions, clock, log }: EmailOptions): Email {
  const { env } = config;
  const enabled = Boolean(env.SMTP_URL && env.EMAIL_FROM);
  const emailLog = log.child({ part: 'email' });
  const outbox = new Outbox({
    store: store.outbox,
    transport: enabled ? createSmtpTransport(env.SMTP_URL!) : null,
    clock,
    log: emailLog,
    retryMs: env.EMAIL_RETRY_SECONDS * 1000,
    giveUpMs: env.EMAIL_GIVE_UP_HOURS * 3600 * 1000,
  });
  const deps: EmailDeps = {
    hub,
    store,
    outbox,
    guard: new VisitorEmailGuard(new EmailRateLimiter(clock), { perVisitorPerHour: env.EMAIL_PER_VISITOR_PER_HOUR, perAddressPerHour: env.EMAIL_PER_ADDRESS_PER_HOUR }),
    sessions,
    clock,
    log: emailLog,
    settings: {
      enabled,
      from: env.EMAIL_FROM ?? '',
      publicUrl: config.publicUrl,
      publicProfile: config.file.publicProfile,
      linkMs: env.EMAIL_LINK_DAYS * 24 * 3600 * 1000,
    },
  };
  const preferences = new AlertPreferences(store.preferences, hub.directory, enabled);
  const alerts = new AlertRequests(deps, preferences, env.EMAIL_GIVE_UP_HOURS * 3600 * 1000);
  return {
    features: ({ room }) => ({
      transcript: enabled && room.emailTranscript,
      leaveMessage: enabled && room.leaveMessage,
      alert: enabled && room.emailAlert,
    }),
    transcripts: new TranscriptRequests(deps),
    messages: new MessageRequests(deps),
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
