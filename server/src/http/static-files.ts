import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { errorResponse } from '../transport/json-response.js';
import type { HttpHandler, HttpResponse } from '../transport/transport.js';

/**
 * A URL prefix served from a folder (`/agent/` → `agent/dist/`), or one URL from one file.
 * `pageHeaders` go with its HTML pages (the consoles' own policy: see CONSOLE_PAGE_HEADERS).
 */
export type StaticMount = { url: string; path: string; kind: 'folder' | 'file'; pageHeaders?: Record<string, string> };

/**
 * For the agent and admin consoles' pages: signed-in tools that no other page may frame (a page
 * that framed one could trick a click), that load only their own scripts, and that send no
 * referrer. Styles may be inline (the consoles set style attributes); images may be data: and
 * blob: URLs (previews of files being sent); WebSockets go to this origin ('self' covers ws/wss).
 */
export const CONSOLE_PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Built files whose name carries a content hash (`app-3f2a1b9c.js`) never change: cache them for a year. */
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

type Cached = { mtimeMs: number; etag: string; raw: Buffer; br: Buffer | null; gzip: Buffer | null };

/**
 * Serves the built widget and console. Files are read once and kept with their brotli and gzip
 * forms (re-read when they change on disk); hashed names are immutable, the rest revalidate by
 * ETag so that a new release reaches pages within one request.
 */
export function createStaticFiles(mounts: StaticMount[]): HttpHandler {
  const cache = new Map<string, Cached>();

  const load = (file: string): Cached | null => {
    let mtimeMs: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return null;
      mtimeMs = stat.mtimeMs;
    } catch {
      return null;
    }
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const raw = readFileSync(file);
    const compressible = /^(text\/|application\/(json|manifest)|image\/svg)/.test(TYPES[extname(file)] ?? '');
    const entry: Cached = {
      mtimeMs,
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
      raw,
      br: compressible ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
      gzip: compressible ? gzipSync(raw, { level: 9 }) : null,
    };
    cache.set(file, entry);
    return entry;
  };

  const resolve = (path: string): string | null => {
    for (const mount of mounts) {
      if (mount.kind === 'file') {
        if (path === mount.url) return mount.path;
        continue;
      }
      if (path === mount.url.replace(/\/$/, '')) return null;
      if (!path.startsWith(mount.url)) continue;
      let relative: string;
      try {
        relative = decodeURIComponent(path.slice(mount.url.length)) || 'index.html';
      } catch {
        return null;
      }
      if (relative.endsWith('/')) relative += 'index.html';
      const full = normalize(join(mount.path, relative));
      // Never outside the mounted folder, whatever the URL says.
      return full.startsWith(normalize(mount.path) + sep) ? full : null;
    }
    return null;
  };

  return (request): HttpResponse => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(404, 'NOT_FOUND', 'Nothing here.');
    const mount = mounts.find((m) => m.kind === 'folder' && request.path === m.url.replace(/\/$/, ''));
    if (mount) return { status: 301, headers: { location: mount.url } };
    const file = resolve(request.path);
    const pageHeaders = file?.endsWith('.html') ? mounts.find((m) => request.path.startsWith(m.url))?.pageHeaders : undefined;
    const entry = file && load(file);
    if (!file || !entry) return errorResponse(404, 'NOT_FOUND', 'Nothing here. (Built files come from `npm run build`.)');
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      etag: entry.etag,
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'public, no-cache',
      vary: 'accept-encoding',
      // The widget's files are loaded by customers' pages, on other origins.
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      ...pageHeaders,
    };
    if (request.header('if-none-match') === entry.etag) return { status: 304, headers };
    const accepts = request.header('accept-encoding') ?? '';
    let body = entry.raw;
    if (entry.br && /\bbr\b/.test(accepts)) {
      body = entry.br;
      headers['content-encoding'] = 'br';
    } else if (entry.gzip && /\bgzip\b/.test(accepts)) {
      body = entry.gzip;
      headers['content-encoding'] = 'gzip';
    }
    return { status: 200, headers, body: request.method === 'HEAD' ? '' : body };
  };
}
