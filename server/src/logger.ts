import pino, { type Logger } from 'pino';

/**
 * The one logger. JSON lines for machines; colourful text on a terminal (or LOG_FORMAT=pretty).
 * Created in main and passed down: no module keeps a logger of its own.
 */
export function createLogger(options: { level: string; format?: 'json' | 'pretty' | undefined }): Logger {
  const pretty = options.format ? options.format === 'pretty' : process.stdout.isTTY === true;
  return pino({
    level: options.level,
    base: { service: 'parley' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' } } } : {}),
  });
}
