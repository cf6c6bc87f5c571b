import { FINAL_CLOSE_CODES, SLOW_DOWN_CLOSE_CODES } from '../codes.js';

/** The attempt a client that was told to slow down starts its backoff from (4 to 8 seconds). */
export const SLOW_DOWN_ATTEMPT = 4;

/**
 * What a client does after the server (or the network) closed its socket: `stop` after a final
 * code (the session is gone; reconnecting would only be refused again), `slow-down` after the
 * server's flood codes (reconnect, but with a longer wait), `retry` after anything else.
 */
export function afterClose(code: number): 'stop' | 'slow-down' | 'retry' {
  if (FINAL_CLOSE_CODES.has(code)) return 'stop';
  if (SLOW_DOWN_CLOSE_CODES.has(code)) return 'slow-down';
  return 'retry';
}
