import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { readyConsole } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { solidPng } from './support/png.js';
import { startVisitorChat, visitorSays, visitorUploads } from './support/visitor-chat.js';

/*
 * Issue 16 item 3, in the console: the chat stays at the newest message while the visitor's
 * pictures load (each grows the list after its line was drawn), and a reader who scrolled up
 * stays where they are.
 */
describe('the console’s message list', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('stays at the newest message while pictures load above it', async () => {
    const alice = await readyConsole(browser, server.http, 'alice@test.parley', { viewport: { width: 1280, height: 700 } });
    const dana = await startVisitorChat(server, { form: { name: 'Dana' } });
    await alice.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    await dana.client.next('conversation', (f) => f.conversation.status === 'active');
    for (const n of [1, 2, 3]) {
      expect((await visitorUploads(server.http, dana, `photo-${n}.png`, solidPng(320, 240, [40 * n, 120, 200]), `photo-${n}`)).status).toBe(201);
    }
    await visitorSays(dana, 'after', 'Those are the three sides');
    const list = alice.page.locator('.chat-view .messages');
    const photos = list.getByRole('img', { name: /photo-\d\.png/ });
    await expect
      .poll(() => photos.evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalHeight > 0).length))
      .toBe(3);
    const fromBottom = () => list.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
    expect(await list.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    await expect.poll(fromBottom).toBeLessThan(2);

    // Scrolled up to read: a new message does not pull the agent down.
    await list.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          element.addEventListener('scroll', () => resolve(), { once: true });
          element.scrollTop = 0;
        }),
    );
    await visitorSays(dana, 'more', 'And one more thing');
    await alice.page.locator('.chat-view .message-text', { hasText: 'And one more thing' }).waitFor({ state: 'attached' });
    expect(await list.evaluate((element) => element.scrollTop)).toBe(0);
    dana.client.close();
    await alice.context.close();
  });
});
