import type { HttpResponse } from './transport.js';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** Every refusal outside the statistics endpoints: `{ error: CODE, message: "what to do" }`. */
export function errorResponse(status: number, error: string, message: string, headers: Record<string, string> = {}): HttpResponse {
  return json(status, { error, message }, headers);
}
