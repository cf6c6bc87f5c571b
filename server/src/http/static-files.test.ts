import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../transport/transport.js';
import { createStaticFiles } from './static-files.js';

function request(path: string, headers: Record<string, string> = {}): HttpRequest {
  return { method: 'GET', path, query: new URLSearchParams(), header: (name) => headers[name], remoteAddress: '127.0.0.1', body: Buffer.alloc(0) };
}

describe('static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'parley-static-'));
  mkdirSync(join(root, 'agent', 'assets'), { recursive: true });
  writeFileSync(join(root, 'agent', 'index.html'), '<!doctype html><title>Console</title>');
  writeFileSync(join(root, 'agent', 'assets', 'app-3f2a1b9c.js'), 'console.log("app");'.repeat(50));
  writeFileSync(join(root, 'loader.js'), '/* loader */');
  writeFileSync(join(root, 'secret.txt'), 'outside the mount');
  const serve = createStaticFiles([
    { url: '/agent/', path: join(root, 'agent'), kind: 'folder' },
    { url: '/widget.js', path: join(root, 'loader.js'), kind: 'file' },
  ]);

  it('serves index files, hashed assets as immutable, and compresses what the browser accepts', async () => {
    const index = await serve(request('/agent/'));
    expect(index).toMatchObject({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, no-cache' } });
    const asset = await serve(request('/agent/assets/app-3f2a1b9c.js', { 'accept-encoding': 'gzip, br' }));
    expect(asset.headers?.['cache-control']).toContain('immutable');
    expect(asset.headers?.['content-encoding']).toBe('br');
    expect(brotliDecompressSync(asset.body as Buffer).toString()).toContain('console.log("app")');
    expect((await serve(request('/widget.js'))).status).toBe(200);
    expect((await serve(request('/agent'))).headers?.location).toBe('/agent/');
  });

  it('answers 304 to a matching ETag and never serves outside the mount', async () => {
    const first = await serve(request('/widget.js'));
    expect((await serve(request('/widget.js', { 'if-none-match': first.headers!.etag! }))).status).toBe(304);
    for (const path of ['/agent/../secret.txt', '/agent/%2e%2e/secret.txt', '/agent/..%2Fsecret.txt', '/agent/missing.js']) {
      expect((await serve(request(path))).status, path).toBe(404);
    }
  });
});
