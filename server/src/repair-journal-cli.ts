/**
 * `npm run repair-journal`: when start-up stops at damage in the embedded store's journal, moves
 * the damaged lines aside and keeps everything else (store/journal-repair.ts), then says what was
 * lost. Run it while Parley is stopped; start Parley again afterwards.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadServerConfig } from './config/load-config.js';
import { DataDirBusy } from './store/data-dir-lock.js';
import { repairJournal } from './store/journal-repair.js';
import { MANIFEST } from './store/manifest.js';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

try {
  const { env } = loadServerConfig();
  if (env.STORE !== 'embedded') fail(`STORE=${env.STORE} has no journal to repair.`);
  const dataDir = resolve(env.DATA_DIR);
  if (!existsSync(join(dataDir, 'journal.jsonl')) && !existsSync(join(dataDir, MANIFEST))) fail(`There is no journal in ${dataDir}: check DATA_DIR.`);
  const report = repairJournal(dataDir, Date.now());
  if (!report) {
    process.stdout.write('The journal has no damaged line; nothing was changed.\n');
  } else {
    const lines = [
      `Moved ${report.quarantined.length} damaged line(s) to ${report.quarantineFile}; kept ${report.kept}. The files as they were: ${report.originalFiles.join(', ')}.`,
      ...report.quarantined.map((q) => `  ${q.file} line ${q.line} (byte ${q.offset}): ${q.what}`),
      report.lostMessages.length
        ? `Lost: ${report.lostMessages.length} message(s), each now shown as "a message here could not be recovered": ${report.lostMessages.map((m) => `${m.conversationId} #${m.seq}`).join(', ')}.`
        : 'No message was lost.',
      'Other lost changes (a session, a setting) are gone: people may need to sign in again, and settings may need checking.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirBusy) fail(error.message);
  throw error;
}
