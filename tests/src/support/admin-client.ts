import { TEST_PASSWORD } from './test-config.js';

export type ApiAnswer = { status: number; body: any; headers: Headers };

/** Calls Parley's JSON API with a bearer token, as the admin console does; answers with status, parsed body and headers. */
export function apiClient(http: string, token: string | null) {
  const call = async (method: string, path: string, body?: unknown, raw?: { bytes: Uint8Array; type: string }): Promise<ApiAnswer> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = raw.type;
    const response = await fetch(`${http}${path}`, {
      method,
      headers,
      body: raw ? new Blob([raw.bytes as Uint8Array<ArrayBuffer>]) : body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
    upload: (path: string, bytes: Uint8Array, type: string) => call('POST', path, undefined, { bytes, type }),
    raw: call,
  };
}

/** Signs an admin in; the client then acts as them. */
export async function signInAdmin(http: string, id = 'admin@test.parley', password = TEST_PASSWORD) {
  const answer = await apiClient(http, null).post('/api/admin/sessions', { id, password });
  if (answer.status !== 201) throw new Error(`admin sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return apiClient(http, answer.body.token as string);
}
