import type { Logger } from 'pino';
import { loadNativeUws } from './load-uws.js';
import type { Transport, TransportOptions } from './transport.js';
import { createUwsTransport } from './uws-transport.js';
import { createWsTransport } from './ws-transport.js';

/**
 * uWebSockets.js when asked for and its native binary loads; otherwise ws. Logs which one runs and
 * why. Behind a trusted proxy, handlers see the address it forwarded.
 */
export function createTransport(wanted: 'uws' | 'ws', options: TransportOptions, log: Logger): Transport {
  if (wanted === 'uws') {
    const { uws, reason } = loadNativeUws();
    if (uws) {
      log.info({ transport: 'uws' }, `transport: uWebSockets.js (${reason})`);
      return createUwsTransport(uws, options);
    }
    log.warn({ transport: 'ws' }, `transport: ws, as a fallback: ${reason}`);
  } else {
    log.info({ transport: 'ws' }, 'transport: ws on node:http (TRANSPORT=ws)');
  }
  return createWsTransport(options);
}
