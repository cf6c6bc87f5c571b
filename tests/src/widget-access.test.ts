import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../demo/src/demo-site.js';
import { launchBrowser } from './support/browser.js';
import { type HostPages, startHostPages } from './support/host-pages.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent } from './support/parties.js';
import { widgetRooms } from './support/widget-rooms.js';

/** Records when each fetch of the page settles, so a test can wait for the loader's one request. */
async function watchFetches(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const settled: string[] = [];
    (window as unknown as { settled: string[] }).settled = settled;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      return original(input, init).finally(() => settled.push(url));
    };
  });
}

/** Opens a WebSocket to the visitor endpoint from the page; resolves with how it went. */
function socketFromPage(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(target);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onclose = (event) => resolve(`closed ${event.code}`);
      }),
    url,
  );
}

/**
 * Who may show the widget and when: whitelisted domains, availability rules pushed to
 * open pages, and Parley's own hosted chat pages.
 */
describe('where and when the widget shows', () => {
  let browser: Browser;
  let server: TestServer;
  let site: DemoSite;
  let pages: HostPages;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws', file: widgetRooms })]);
    site = await startDemoSite({ parleyUrl: server.http, host: '127.0.0.1', port: 0 });
    // A customer's page for the STAFFED room (available only while an agent is ready), in French.
    pages = await startHostPages({
      '/staffed': `<!doctype html><html lang="fr"><head><title>Atelier</title></head><body><h1>Atelier</h1><script src="${server.http}/widget.js" data-room="STAFFED" async></script></body></html>`,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await pages?.close();
    await server?.stop();
  });

  it('gives a page of a site that is not whitelisted no widget, and refuses its WebSocket', async () => {
    const page = await browser.newPage();
    await watchFetches(page);
    // The server refuses (403, without CORS headers): the page only sees the request fail.
    const settings = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/api/rooms/GENERAL/widget'));
    // The room allows `localhost`; 127.0.0.1 is another site as far as the browser is concerned.
    await page.goto(`http://127.0.0.1:${site.port}/`);
    await settings;
    await expect.poll(() => page.evaluate(() => (window as unknown as { settled: string[] }).settled.length)).toBe(1);
    expect(await page.locator('parley-widget').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('parley-widget, link[rel=modulepreload], style').length)).toBe(0);
    expect(await socketFromPage(page, `${server.ws}/ws/visitor?room=GENERAL`)).toBe('closed 1006');

    const allowed = await browser.newPage();
    await allowed.goto(`http://localhost:${site.port}/`);
    await allowed.getByRole('button', { name: 'Open chat' }).waitFor();
    expect(await socketFromPage(allowed, `${server.ws}/ws/visitor?room=GENERAL`)).toBe('open');
    await page.close();
    await allowed.close();
  });

  it('hides the launcher of an unavailable room and shows it, without a reload, when an agent becomes ready', async () => {
    const page = await browser.newPage();
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    // The app loads when the browser is idle and listens; the server says "unavailable" first.
    const heardUnavailable = new Promise<void>((resolve) =>
      page.on('websocket', (socket) => socket.on('framereceived', (frame) => frame.payload === '{"type":"availability","available":false}' && resolve())),
    );
    await page.goto(`http://localhost:${pages.port}/staffed`);
    const launcher = page.locator('parley-widget .launcher');
    await launcher.waitFor({ state: 'attached' });
    expect(await launcher.isVisible()).toBe(false);
    await heardUnavailable;

    const agent = await connectAgent(server, 'bob@test.parley');
    await launcher.waitFor({ state: 'visible' });
    expect(await launcher.getAttribute('aria-label')).toBe('Ouvrir le chat');

    agent.client.send({ type: 'status', status: 'TAKING_BREAK' });
    await launcher.waitFor({ state: 'hidden' });
    agent.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await launcher.waitFor({ state: 'visible' });
    expect(navigations).toBe(1);
    agent.client.close();
    await page.close();
  });

  it("serves the full-page chat on Parley's own origin, and an agent's private room reaches that agent only", async () => {
    const alice = await connectAgent(server, 'alice@test.parley');
    const bob = await connectAgent(server, 'bob@test.parley');
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(`${server.http}/chat/AGENT-ALICE`);
    expect(await page.title()).toBe('Alice – Shop help');
    await page.getByLabel('Your name').fill('Priya');
    await page.getByLabel('Email').fill('priya@example.com');
    await page.getByLabel('I agree to the chat being recorded').check();
    expect(await page.locator('parley-widget .launcher').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Close chat' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Start chat' }).click();

    const { offer } = await alice.client.next('offer', (f) => f.offer.visitor.name === 'Priya');
    expect(offer.phase).toBe('private');
    expect(bob.client.all('offer')).toEqual([]);
    alice.client.send({ type: 'accept', conversationId: offer.conversationId });
    await page.getByText('You are chatting with Alice').waitFor();
    const panel = await page.locator('parley-widget .panel').boundingBox();
    expect(panel).toMatchObject({ y: 0, height: 700 });
    alice.client.send({ type: 'end', conversationId: offer.conversationId });
    alice.client.close();
    bob.client.close();
    await page.close();
  });
});
