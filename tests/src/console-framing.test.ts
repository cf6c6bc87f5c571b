import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signInAs } from './support/console-page.js';
import { type HostPages, startHostPages } from './support/host-pages.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { testFile } from './support/test-config.js';

/**
 * The agent and admin consoles are signed-in tools: no other page may frame them (a page that
 * did could trick an agent's click), and they run under a strict Content Security Policy.
 */
describe('the consoles refuse to be framed', () => {
  let browser: Browser;
  let server: TestServer;
  let pages: HostPages;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws' })]);
    const frame = (path: string) =>
      `<!doctype html><title>Prize</title><h1>Click to win</h1><iframe id="tool" src="${server.http}${path}" width="800" height="600" onload="this.dataset.loaded = 'yes'"></iframe>`;
    pages = await startHostPages({ '/agent.html': frame('/agent/'), '/admin.html': frame('/admin/') });
  });
  afterAll(async () => {
    await pages.close();
    await browser.close();
    await server.stop();
  });

  it('sends a CSP with frame-ancestors none, X-Frame-Options and Referrer-Policy with both consoles', async () => {
    for (const path of ['/agent/', '/admin/']) {
      const response = await fetch(`${server.http}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The widget's files stay loadable by customers' pages.
    expect((await fetch(`${server.http}/widget.js`)).headers.get('content-security-policy')).toBeNull();
  });

  for (const tool of ['agent', 'admin'] as const) {
    it(`shows nothing of the ${tool} console inside another site's frame`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${pages.port}/${tool}.html`);
      // The frame has finished loading (Chromium loads an error page in place of a refused one)…
      await page.locator('#tool[data-loaded="yes"]').waitFor();
      const framed = page.frames().find((f) => f !== page.mainFrame())!;
      // …(a console allowed in a frame has drawn its sign-in form by then: its module script runs
      // before the load event)… and there is no sign-in form, nor anything of the console.
      await framed.waitForLoadState('load');
      expect(await framed.locator('input[type="password"], form, button').count()).toBe(0);
      await context.close();
    });
  }

  it('still works at the top level under its policy, with no violation reported', async () => {
    const context = await browser.newContext({ baseURL: server.http });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/agent/');
    await signInAs(page, 'alice@test.parley');
    await page.getByRole('button', { name: 'Ready', exact: true }).click();
    await page.goto('/admin/');
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await context.close();
  });
});

/**
 * A room's full-page chat may be framed by the sites that may host its widget (the room's
 * whitelisted domains), and by no other.
 */
describe("a room's full-page chat in a frame", () => {
  let browser: Browser;
  let server: TestServer;
  let allowed: HostPages;
  let other: HostPages;
  const html: Record<string, string> = {};

  beforeAll(async () => {
    [browser, allowed, other] = await Promise.all([launchBrowser(), startHostPages(html), startHostPages(html)]);
    const rooms = testFile.rooms.map((room) => (room.name === 'GENERAL' ? { ...room, whitelistedDomains: [`127.0.0.1:${allowed.port}`] } : room));
    server = await startTestServer({ transport: 'uws', file: { ...testFile, rooms } });
    html['/chat.html'] =
      `<!doctype html><title>Shop</title><iframe id="chat" src="${server.http}/chat/GENERAL" width="400" height="600" onload="this.dataset.loaded = 'yes'"></iframe>`;
  });
  afterAll(async () => {
    await Promise.all([allowed.close(), other.close(), browser.close()]);
    await server.stop();
  });

  async function framedChat(pages: HostPages): Promise<number> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${pages.port}/chat.html`);
    await page.locator('#chat[data-loaded="yes"]').waitFor();
    const framed = page.frames().find((f) => f !== page.mainFrame())!;
    await framed.waitForLoadState('load');
    const widgets = await framed.locator('script[data-room="GENERAL"]').count();
    await context.close();
    return widgets;
  }

  it('loads inside a page of a whitelisted site, and not inside any other site', async () => {
    const response = await fetch(`${server.http}/chat/GENERAL`);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' 127.0.0.1:${allowed.port}`);
    expect(await framedChat(allowed)).toBe(1);
    expect(await framedChat(other)).toBe(0);
  });
});
