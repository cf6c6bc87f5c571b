import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

describe('the browser harness', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ transport: 'uws' });
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it("reaches Parley from Debian's Chromium, and a page may poll the statistics cross-origin", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.http}/healthz`);
    expect(JSON.parse(await page.locator('body').innerText())).toMatchObject({ status: 'ok' });
    // A page on another origin (as a customer's site would be) reads the statistics with fetch.
    await page.goto(`http://localhost:${server.port}/healthz`);
    const answer = await page.evaluate(async (url) => (await fetch(url)).json(), `${server.http}/api/rooms/GENERAL/stats`);
    expect(answer).toMatchObject({ result: 'OK', chatRoom: 'GENERAL' });
  });
});
