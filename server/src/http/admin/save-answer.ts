import type { SaveOutcome } from '../../settings/settings.js';
import { errorResponse, json } from '../../transport/json-response.js';
import type { HttpResponse } from '../../transport/transport.js';
import { noStore } from './admin-auth.js';

/**
 * A save's answer: `ok` turns the saved records into the body; a conflict is 409 with the record
 * as it is now (the console shows what changed); invalid settings are 400 with each problem on
 * its record and field.
 */
export function saveAnswer(outcome: SaveOutcome, ok: () => unknown, status = 200): HttpResponse {
  if (outcome.ok) return noStore(json(status, ok()));
  if (outcome.reason === 'conflict') {
    const message = outcome.current
      ? 'Someone else saved this since you opened it. Here is what they saved; apply your changes to it and save again.'
      : 'This no longer exists, or someone else made it first.';
    return noStore(
      json(409, { error: 'CONFLICT', message, current: outcome.current ? { version: outcome.current.version, value: outcome.current.value } : null }),
    );
  }
  const first = outcome.issues[0];
  const message = first ? `${first.path || first.record || 'settings'}: ${first.message}` : 'The settings are not valid.';
  return noStore(json(400, { error: 'INVALID', message, issues: outcome.issues }));
}

export function notFound(what: string): HttpResponse {
  return noStore(errorResponse(404, 'NOT_FOUND', `There is no ${what}.`));
}
