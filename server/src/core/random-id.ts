import { createHash, randomFillSync } from 'node:crypto';

/**
 * Random bytes come from the operating system's CSPRNG 4 KiB at a time: each call to it costs a
 * few microseconds whatever its size, which was a tenth of the server's time when 10,000 visitors
 * arrived at once. Bytes are used once, in order, and never returned twice. The pool holds no
 * state anyone could observe (only bytes not yet handed out), so it is the one module-level
 * buffer in the server, the way Node's own randomUUID keeps one.
 */
const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

/** A url-safe random id: 16 bytes (128 bits) unless said otherwise. */
export function randomId(bytes = 16): string {
  if (bytes > POOL_BYTES) throw new RangeError(`randomId: at most ${POOL_BYTES} bytes`);
  if (used + bytes > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const id = pool.toString('base64url', used, used + bytes);
  used += bytes;
  return id;
}

/** Sessions are stored under the SHA-256 of their token, so a leaked journal holds no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
