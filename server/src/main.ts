import { startParley } from './app.js';
import { ConfigError, loadServerConfig, type ServerConfig } from './config/load-config.js';
import { createLogger } from './core/logger.js';
import { Metrics } from './core/metrics.js';
import { createStore } from './store/create-store.js';
import { DataDirBusy } from './store/data-dir-lock.js';
import { JournalDamaged, JournalTooNew } from './store/journal-replay.js';

/*
 * Composition root: config, then store, hub and transport (in startParley), then listen.
 * SIGTERM and SIGINT drain: clients are told to reconnect and the journal is written out.
 */

let config: ServerConfig;
try {
  config = loadServerConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const log = createLogger({ level: config.env.LOG_LEVEL, format: config.env.LOG_FORMAT });
const metrics = new Metrics();
const store = await createStore(
  config.env,
  log,
  (error) => {
    // Acknowledging what cannot be stored would break the delivery promise: stop, and let the
    // supervisor restart from the journal, which holds everything acknowledged so far.
    log.fatal({ err: error }, 'cannot write the journal; stopping');
    process.exit(1);
  },
  metrics,
).catch((error: unknown) => {
  // A damaged or too new journal, or a data folder another process holds: the message says what to do.
  if (!(error instanceof JournalDamaged || error instanceof JournalTooNew || error instanceof DataDirBusy)) throw error;
  log.fatal(error.message);
  process.exit(1);
});
const running = await startParley({ config, store, log, metrics }).catch((error: unknown) => {
  // A port already taken is a setting to change, not a crash: one line that says which.
  if (!isPortTaken(error)) throw error;
  log.fatal(`${(error as Error).message}: another program (or another Parley) uses that port; set PORT (or METRICS_PORT) to a free one`);
  process.exit(1);
});
log.info(
  { port: running.port, transport: running.transport, store: store.kind, config: config.configPath },
  `Parley listening on ${config.env.HOST}:${running.port} (public URL ${config.publicUrl})`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining: telling clients to reconnect and writing out the journal');
    running.drain().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'drain failed');
        process.exit(1);
      },
    );
  });
}

function isPortTaken(error: unknown): boolean {
  // node:http (ws, METRICS_PORT) says EADDRINUSE; uWebSockets.js only that it cannot listen.
  return (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE' || /^cannot listen on /.test((error as Error)?.message ?? '');
}
