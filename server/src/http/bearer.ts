import { timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '../transport/transport.js';

/** The session token a request carries as `Authorization: Bearer …` (no cookies anywhere, so no CSRF), or null. */
export function bearer(request: HttpRequest): string | null {
  const header = request.header('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

/** Compares a secret someone sent with the real one in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
