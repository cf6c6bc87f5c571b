import type { UploadResponse } from '@parley/shared';

export type UploadFailure = { status: number; error: string };

/**
 * Sends a file with XMLHttpRequest, whose upload events give progress (fetch has none). The
 * session token goes in Authorization, never in a cookie, so this works from any site.
 */
export function sendFile(
  url: string,
  token: string,
  clientId: string,
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<UploadResponse>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResponse>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('x-client-id', clientId);
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { error?: string } & Partial<UploadResponse> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = {}; // not JSON (a proxy's error page): judged by the status alone
      }
      if (xhr.status === 201 && body.message) resolve(body as UploadResponse);
      else reject({ status: xhr.status, error: body.error ?? 'UPLOAD_FAILED' } satisfies UploadFailure);
    };
    xhr.onerror = () => reject({ status: 0, error: 'NETWORK' } satisfies UploadFailure);
    xhr.onabort = () => reject({ status: 0, error: 'ABORTED' } satisfies UploadFailure);
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/**
 * Downloads need the session token in a header, so `<img src>` cannot fetch them: each file is
 * fetched once and shown through a blob URL, released when the widget goes away.
 */
export class FileCache {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(
    private readonly base: string,
    private readonly token: () => string | null,
  ) {}

  /** A file this page already has (the visitor's own upload): shown from its local copy. */
  prime(fileId: string, objectUrl: string): void {
    this.urls.set(fileId, Promise.resolve(objectUrl));
  }

  objectUrl(fileId: string): Promise<string> {
    let url = this.urls.get(fileId);
    if (!url) {
      url = this.fetchBlob(fileId).then((blob) => URL.createObjectURL(blob));
      // A failure is not remembered: the next look tries again.
      url.catch(() => this.urls.delete(fileId));
      this.urls.set(fileId, url);
    }
    return url;
  }

  private async fetchBlob(fileId: string): Promise<Blob> {
    const token = this.token();
    if (!token) throw new Error('no session');
    const response = await fetch(`${this.base}api/files/${encodeURIComponent(fileId)}`, { headers: { authorization: `Bearer ${token}` }, credentials: 'omit' });
    if (!response.ok) throw new Error(`download failed: ${response.status}`);
    return response.blob();
  }

  releaseAll(): void {
    for (const url of this.urls.values())
      url.then(
        (href) => URL.revokeObjectURL(href),
        () => undefined,
      );
    this.urls.clear();
  }
}
