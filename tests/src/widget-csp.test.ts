import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type HostPages, startHostPages } from './support/host-pages.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { launcherOf } from './support/widget-page.js';

/**
 * A shop page with a strict Content-Security-Policy. Its `connect-src` must name Parley's
 * WebSocket origin (`ws:`/`wss:`): an `http:` source does not cover it. Without it the widget
 * must say the chat cannot connect and keep trying, not show "Starting…" for ever.
 */
describe('the widget under a strict Content-Security-Policy', () => {
  let browser: Browser;
  let server: TestServer;
  let pages: HostPages;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws' })]);
    const page = (connect: string) => `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${server.http}; connect-src ${connect}; img-src ${server.http} blob: data:; style-src 'unsafe-inline'">
<title>Strict shop</title></head><body><h1>Strict shop</h1>
<script src="${server.http}/widget.js" data-room="GENERAL" async></script></body></html>`;
    pages = await startHostPages({ '/http-only.html': page(server.http), '/with-ws.html': page(`${server.http} ${server.ws}`) });
  });
  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.stop();
  });

  async function startChat(path: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${pages.port}${path}`);
    await launcherOf(page).click();
    await page.getByRole('button', { name: 'Start chat' }).click();
    return page;
  }

  it('says it cannot connect (and keeps trying) when the page does not allow its WebSocket', async () => {
    const page = await startChat('/http-only.html');
    await page.getByText('Connection lost. Reconnecting…').waitFor();
    await page.context().close();
  });

  it('connects once the page allows the WebSocket origin in connect-src', async () => {
    const page = await startChat('/with-ws.html');
    // Nobody is ready: the visitor is told their place in the line.
    await page
      .getByText(/in line|waiting|queue/i)
      .first()
      .waitFor();
    expect(await page.getByText('Connection lost. Reconnecting…').count()).toBe(0);
    await page.context().close();
  });
});
