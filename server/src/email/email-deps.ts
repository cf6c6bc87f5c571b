import type { PublicProfile } from '@parley/shared/settings';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { Hub } from '../hub/create-hub.js';
import type { Sessions } from '../sessions/sessions.js';
import type { Store } from '../store/store.js';
import type { MailOutbox } from './mail-outbox.js';
import type { VisitorEmailGuard } from './visitor-email-guard.js';

export type EmailSettings = {
  /** A mail server is configured (SMTP_URL): without one, every email feature is off. */
  enabled: boolean;
  /** EMAIL_FROM. */
  from: string;
  /** Where links in emails point (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  /** The global public profile, as the settings say now. */
  publicProfile: () => PublicProfile;
  /** How long the file links in a transcript work. */
  linkMs: number;
};

/** What the email requests are built from. */
export type EmailDeps = {
  hub: Hub;
  store: Store;
  outbox: MailOutbox;
  guard: VisitorEmailGuard;
  sessions: Sessions;
  clock: Clock;
  log: Logger;
  settings: EmailSettings;
};
