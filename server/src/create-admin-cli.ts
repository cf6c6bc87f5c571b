/**
 * `npm run create-admin -- EMAIL "Name"` adds an admin (or takes an existing one) and prints a
 * one-time link to set their password, valid for a week. No password is ever printed or given a
 * default. Run it while Parley is stopped: the data folder has one writer at a time.
 */

import { AdminInvite } from '@parley/shared';
import pino from 'pino';
import { ConfigError, loadServerConfig } from './config/load-config.js';
import { systemClock } from './core/clock.js';
import { INVITE_TTL_MS } from './http/admin/admin-deps.js';
import { Sessions } from './sessions/sessions.js';
import { Settings } from './settings/settings.js';
import { createStore } from './store/create-store.js';
import { DataDirBusy } from './store/data-dir-lock.js';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};
const [id, ...names] = process.argv.slice(2);
const input = AdminInvite.safeParse({ id, name: names.join(' ') || id?.split('@')[0] });
if (!input.success) fail('Usage: npm run create-admin -- EMAIL "Full Name"');
const admin = input.data!;

try {
  const config = loadServerConfig();
  if (config.env.STORE === 'memory') fail('STORE=memory keeps no admins between runs: start Parley and use the setup link it prints.');
  const log = pino({ level: 'silent' });
  const store = await createStore(config.env, log, (error) => fail(`cannot write the journal: ${error.message}`));
  try {
    const settings = await Settings.open(store, systemClock, log, { file: config.file, path: config.configPath });
    const key = admin.id.toLowerCase();
    if (!settings.admin(key)) {
      const outcome = await settings.save(
        [{ kind: 'admin', id: key, value: { id: key, name: admin.name }, expectedVersion: 0 }],
        'system',
        'created with npm run create-admin',
      );
      if (!outcome.ok)
        fail(
          outcome.reason === 'invalid' ? outcome.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n') : 'the store changed meanwhile; try again',
        );
    }
    const always = { agent: () => undefined, admin: () => ({}) };
    const sessions = new Sessions(store.sessions, systemClock, always, { agentMs: 0, visitorIdleMs: 1 });
    const { token } = await sessions.invite('admin', key, INVITE_TTL_MS);
    process.stdout.write(`Open ${config.publicUrl}/admin/#invite=${token} within 7 days to set the password of ${admin.name} (${key}).\n`);
  } finally {
    await store.close();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirBusy) fail(error.message);
  throw error;
}
