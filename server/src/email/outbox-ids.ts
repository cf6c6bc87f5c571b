import { createHash } from 'node:crypto';

/**
 * An outbox id made from what the email is for, e.g. `('transcript', conversationId, address)`:
 * the same request always makes the same id, so asking again (a double click, a resend after a
 * reconnect) records nothing new. 144 bits of SHA-256, url-safe.
 */
export function outboxId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 24);
}
