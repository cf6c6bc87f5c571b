/**
 * `npm run backup -- DIR`: a consistent copy of the embedded store's data folder (DATA_DIR) into
 * DIR, a new or empty folder, while Parley runs (store/embedded-backup.ts). To restore, stop
 * Parley and start it with DATA_DIR set to the copy (or move the copy to where DATA_DIR points).
 */
import { resolve } from 'node:path';
import { ConfigError, loadServerConfig } from './config/load-config.js';
import { BackupTargetNotEmpty, backupDataDir, NothingToBackUp } from './store/embedded-backup.js';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};
const [target] = process.argv.slice(2);
if (!target) fail('Usage: npm run backup -- DIR   (DIR: a new or empty folder)');

try {
  const { env } = loadServerConfig();
  if (env.STORE === 'memory') fail('STORE=memory keeps nothing on disk: there is nothing to back up.');
  if (env.STORE === 'redis') {
    fail('STORE=redis: back up Redis itself (its append-only file, or BGSAVE and copy the RDB file); see docs/scale-out.md.');
  }
  const started = Date.now();
  const { journalBytes, files } = await backupDataDir(resolve(env.DATA_DIR), resolve(target!));
  process.stdout.write(
    `backed up ${resolve(env.DATA_DIR)} to ${resolve(target!)}: journal ${journalBytes} bytes, ${files} attachments, in ${Date.now() - started} ms\n`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupTargetNotEmpty || error instanceof NothingToBackUp) fail(error.message);
  throw error;
}
