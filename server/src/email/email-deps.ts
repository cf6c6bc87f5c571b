import type { Logger } from 'pino';
import type { PublicProfile } from '../config/email-config.js';
import type { Sessions } from '../gateway/sessions.js';
import type { Clock } from '../hub/clock.js';
import type { Hub } from '../hub/create-hub.js';
import type { Store } from '../store/store.js';
import type { Outbox } from './outbox.js';
import type { VisitorEmailGuard } from './visitor-email-guard.js';

export type EmailSettings = {
  /** A mail server is configured (SMTP_URL): without one, every email feature is off. */
  enabled: boolean;
  /** EMAIL_FROM. */
  from: string;
  /** Where links in emails point (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  /** The config file's global public profile. */
  publicProfile: PublicProfile | undefined;
  /** How long the file links in a transcript work. */
  linkMs: number;
};

/** What the email requests are built from. */
export type EmailDeps = {
  hub: Hub;
  store: Store;
  outbox: Outbox;
  guard: VisitorEmailGuard;
  sessions: Sessions;
  clock: Clock;
  log: Logger;
  settings: EmailSettings;
};
