import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

/** pino-pretty is an optional dependency (an install with `--omit=optional` leaves it out): JSON then. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The one logger. JSON lines for machines; colourful text on a terminal (or LOG_FORMAT=pretty)
 * when pino-pretty is installed. Created in main and passed down: no module keeps a logger of its own.
 */
export function createLogger(options: { level: string; format?: 'json' | 'pretty' | undefined }): Logger {
  const wanted = options.format ? options.format === 'pretty' : process.stdout.isTTY === true;
  const pretty = wanted && prettyAvailable();
  const log = pino({
    level: options.level,
    base: { service: 'parley' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' } } } : {}),
  });
  if (options.format === 'pretty' && !pretty) log.warn('LOG_FORMAT=pretty needs the optional package pino-pretty, which is not installed: logging JSON');
  return log;
}
