import { createHash, randomBytes } from 'node:crypto';

/** A url-safe random id: 16 bytes (128 bits) unless said otherwise. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** Sessions are stored under the SHA-256 of their token, so a leaked journal holds no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
