/**
 * `npm run config -- export FILE` writes the settings the store holds as a configuration file
 * (the same schema as PARLEY_CONFIG); `npm run config -- import FILE` replaces them with a file's,
 * checked as the file is at start-up (every problem listed by path; nothing changes then). Run it
 * while Parley is stopped: the data folder has one writer at a time.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { ConfigError, loadServerConfig, parseConfigFile } from './config/load-config.js';
import { systemClock } from './core/clock.js';
import { Settings } from './settings/settings.js';
import { importFile } from './settings/settings-import.js';
import { createStore } from './store/create-store.js';
import { DataDirBusy } from './store/data-dir-lock.js';

const [command, path] = process.argv.slice(2);
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};
if ((command !== 'export' && command !== 'import') || !path) fail('Usage: npm run config -- export FILE | import FILE');

try {
  const config = loadServerConfig();
  if (config.env.STORE === 'memory') fail('STORE=memory keeps no settings between runs: there is nothing to export or import.');
  const log = pino({ level: 'silent' });
  const store = await createStore(config.env, log, (error) => fail(`cannot write the journal: ${error.message}`));
  try {
    const settings = await Settings.open(store, systemClock, log, { file: config.file, path: config.configPath });
    const target = resolve(path!);
    if (command === 'export') {
      writeFileSync(target, `${JSON.stringify(settings.toFile(), null, 2)}\n`);
      process.stdout.write(`exported the settings to ${target}\n`);
    } else {
      const parsed = parseConfigFile(target);
      if (!parsed.file) throw new ConfigError(parsed.problems);
      const outcome = await importFile(settings, parsed.file, 'system', `imported from ${target}`);
      if (!outcome.ok) {
        throw new ConfigError(
          outcome.reason === 'invalid'
            ? outcome.issues.map((issue) => `${target} ${issue.record ?? ''} ${issue.path}: ${issue.message}`)
            : ['the store changed during the import; try again'],
        );
      }
      process.stdout.write(`imported ${target}: ${outcome.records.length} records written\n`);
    }
  } finally {
    await store.close();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirBusy) fail(error.message);
  throw error;
}
