import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigFile } from '@parley/shared/settings';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { solidPng } from './support/png.js';
import { testFile } from './support/test-config.js';

/*
 * Issue 16 item 6: the configuration takes a logo at any http(s) address; the full-page chat's
 * Content-Security-Policy must let the same logo show (it allowed https: alone).
 */
describe('a room logo on the full-page chat', () => {
  let browser: Browser;
  let server: TestServer;
  let logoHost: Server;

  beforeAll(async () => {
    // The site's own server, plain http on another port: what a shop on http:// would link to.
    const png = solidPng(48, 24, [10, 120, 60]);
    logoHost = createServer((_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(png));
    await new Promise<void>((resolve) => logoHost.listen(0, '127.0.0.1', resolve));
    const logoUrl = `http://127.0.0.1:${(logoHost.address() as AddressInfo).port}/logo.png`;
    const file = ConfigFile.parse({
      ...testFile,
      rooms: testFile.rooms.map((room) => (room.name === 'GENERAL' ? { ...room, logoUrl, companyName: 'Acme' } : room)),
    });
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws', file })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => logoHost?.close(resolve));
  });

  it('shows a logo served over http:, as the configuration allows', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    await page.goto(`${server.http}/chat/GENERAL`);
    const logo = page.getByRole('img', { name: /Acme/ });
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
    expect(refused).toEqual([]);
    await page.close();
  });
});
