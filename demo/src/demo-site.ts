import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SITE = fileURLToPath(new URL('../site/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const PAGES = new Set(['index.html', 'pricing.html', 'site.css']);

export type DemoSite = { port: number; url: string; close(): Promise<void> };

/**
 * The demo shop: a customer's site on its own origin (another port), whose pages paste Parley's
 * script tag as a customer would. `{{PARLEY_URL}}` in the pages becomes where Parley runs.
 */
export async function startDemoSite(options: { parleyUrl: string; host: string; port: number }): Promise<DemoSite> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname.slice(1) || 'index.html';
    if (!PAGES.has(path)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    readFile(join(SITE, path), 'utf8').then(
      (text) => {
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain', 'cache-control': 'no-cache' });
        response.end(text.replaceAll('{{PARLEY_URL}}', options.parleyUrl));
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
