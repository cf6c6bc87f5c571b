import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { connection, readyConsole, statusShown } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { freePort } from './support/smtp-sink.js';
import { startVisitorChat } from './support/visitor-chat.js';

/*
 * Issue 16 item 5: a console that reconnects after a server restart keeps the status the server
 * held: a serving agent stays serving (with the chat), not ready for new chats they did not choose.
 */
describe('the console across a server restart', () => {
  let browser: Browser;
  let server: TestServer | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-console-restart-'));

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a serving agent serving, with the chat, once it is back', async () => {
    // The same port after the restart, as a real deployment has: the console reconnects by itself.
    const port = await freePort();
    const start = () => startTestServer({ transport: 'ws', store: 'embedded', dataDir, env: { PORT: String(port) } });
    server = await start();
    const alice = await readyConsole(browser, server.http, 'alice@test.parley');
    const dana = await startVisitorChat(server, { form: { name: 'Dana' } });
    await alice.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    await expect.poll(() => statusShown(alice.page)).toBe('SERVING_CUSTOMER');

    await server.stop();
    server = undefined;
    dana.client.close();
    await connection(alice.page, 'retrying');
    server = await start();
    await connection(alice.page, 'ready');
    expect(await statusShown(alice.page)).toBe('SERVING_CUSTOMER');
    await alice.page.getByLabel('Message to Dana').waitFor();
    // And the server agrees: a new visitor is not offered to her.
    const sam = await startVisitorChat(server, { form: { name: 'Sam' } });
    expect(await alice.page.getByRole('button', { name: 'Accept chat with Sam' }).count()).toBe(0);
    expect(await statusShown(alice.page)).toBe('SERVING_CUSTOMER');
    sam.client.close();
    await alice.context.close();
  });
});
