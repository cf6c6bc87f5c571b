import { describeIssues } from '@parley/shared';
import type { z } from 'zod';
import { errorResponse } from '../transport/json-response.js';
import type { HttpRequest, HttpResponse } from '../transport/transport.js';
import { DEFAULT_BODY_BYTES } from './router.js';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: HttpResponse };

/**
 * A request's JSON body, checked with `schema`: 413 when too large, 400 with what is wrong (not
 * JSON, a field of the wrong type, an unknown field) otherwise. Nothing reads an unchecked body.
 */
export function readJson<T>(request: HttpRequest, schema: z.ZodType<T>, maxBytes = DEFAULT_BODY_BYTES): BodyResult<T> {
  if (request.body.length > maxBytes) return { ok: false, response: errorResponse(413, 'TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`) };
  let raw: unknown;
  try {
    raw = JSON.parse(request.body.toString('utf8'));
  } catch {
    return { ok: false, response: errorResponse(400, 'BAD_JSON', 'The request body must be JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: errorResponse(400, 'BAD_REQUEST', describeIssues(parsed.error).join('; ')) };
  return { ok: true, value: parsed.data };
}
