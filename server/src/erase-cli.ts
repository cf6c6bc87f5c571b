/**
 * `npm run erase -- --visitor ID` or `npm run erase -- --email ADDRESS`: erases a visitor's
 * conversations, messages, files, sessions and emails from the embedded store (see
 * store/embedded-maintenance.ts), with Parley stopped. While Parley runs, an admin does the same
 * through the admin API (`POST /api/admin/erasure`).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadServerConfig } from './config/load-config.js';
import { DataDirBusy } from './store/data-dir-lock.js';
import { ErasureRefused } from './store/embedded-maintenance.js';
import { openEmbeddedStore } from './store/embedded-store.js';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const { values } = parseArgs({ options: { visitor: { type: 'string' }, email: { type: 'string' } } });
if (!!values.visitor === !!values.email) fail('Say whom to erase: npm run erase -- --visitor VISITOR_ID, or npm run erase -- --email ADDRESS');

try {
  const { env } = loadServerConfig();
  if (env.STORE !== 'embedded') fail(`STORE=${env.STORE}: this command erases from the embedded store only.`);
  const store = await openEmbeddedStore({ dataDir: resolve(env.DATA_DIR), warn: (message) => process.stderr.write(`${message}\n`) });
  try {
    const report = await store.maintenance!.erase(values.visitor ? { visitorId: values.visitor } : { email: values.email! }, 'cli');
    process.stdout.write(
      `Erased ${report.visitors} visitor(s): ${report.conversations} conversation(s), ${report.files} file(s), ${report.emails} email(s) waiting to be sent.\n`,
    );
  } finally {
    await store.close();
  }
} catch (error) {
  if (error instanceof DataDirBusy) fail(`${error.message}. While Parley runs, an admin erases through the admin API: POST /api/admin/erasure.`);
  if (error instanceof ConfigError || error instanceof ErasureRefused) fail(error.message);
  throw error;
}
