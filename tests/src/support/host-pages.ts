import { createServer } from 'node:http';

export type HostPages = { port: number; close(): Promise<void> };

/**
 * Customers' pages for browser tests: a little site on its own loopback port (its own origin),
 * serving the given HTML by path. Loopback, because Chromium will not let a page it takes for a
 * public site load scripts from a loopback server (Private Network Access).
 */
export async function startHostPages(pages: Record<string, string>): Promise<HostPages> {
  const server = createServer((request, response) => {
    const html = pages[new URL(request.url ?? '/', 'http://pages').pathname];
    if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
