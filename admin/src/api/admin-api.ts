import type { HttpErrorBody } from '@parley/shared';

/** What a call answered: the body when it worked, else the status and the server's words. */
export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: string; message: string; body: unknown };

/**
 * The admin API, with the admin's bearer token (no cookies: nothing another site can make the
 * browser send). Never throws: a network failure is a result too. A 401 means the session ended
 * (signed out elsewhere, expired): `onSignedOut` shows the sign-in form.
 */
export class AdminApi {
  constructor(
    private readonly token: string | null,
    private readonly onSignedOut: () => void = () => {},
  ) {}

  get<T>(path: string): Promise<ApiResult<T>> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<ApiResult<T>> {
    return this.call<T>('POST', path, JSON.stringify(body), 'application/json');
  }

  put<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.call<T>('PUT', path, JSON.stringify(body), 'application/json');
  }

  delete<T>(path: string): Promise<ApiResult<T>> {
    return this.call<T>('DELETE', path);
  }

  upload<T>(path: string, file: Blob): Promise<ApiResult<T>> {
    return this.call<T>('POST', path, file, file.type || 'application/octet-stream');
  }

  /** A file the API makes (a CSV report), as text, or null when it cannot be had. */
  async text(path: string): Promise<string | null> {
    try {
      const response = await fetch(path, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
      return response.ok ? await response.text() : null;
    } catch {
      return null;
    }
  }

  private async call<T>(method: string, path: string, body?: BodyInit, type?: string): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (type) headers['content-type'] = type;
    let response: Response;
    try {
      response = await fetch(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    } catch {
      return { ok: false, status: 0, error: 'OFFLINE', message: 'Parley cannot be reached. Check your connection and try again.', body: null };
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    if (response.status === 401 && this.token) this.onSignedOut();
    const error = parsed as Partial<HttpErrorBody> | null;
    return {
      ok: false,
      status: response.status,
      error: typeof error?.error === 'string' ? error.error : 'FAILED',
      message: typeof error?.message === 'string' ? error.message : `The request failed (${response.status}).`,
      body: parsed,
    };
  }
}
