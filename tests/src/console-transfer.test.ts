import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type ConsolePage, readyConsole, statusShown } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { stepsOfOneStory } from './support/story.js';
import { launcherOf, messageLines } from './support/widget-page.js';

const NOTE = 'Wants the invoice re-sent, order A-1042';

/*
 * A transfer, in three browsers (issue 14's "done when"): Dana chats on the hosted page, Alice
 * accepts in her console and transfers the chat to Bob with a note; Bob, in another console, is
 * offered it alone, with who sent it and the note, and accepts; Dana sees Bob take over and
 * nothing of the note; Alice's console shows the chat as no longer hers.
 */
describe('transferring a chat between agents, in the browser', () => {
  stepsOfOneStory();
  let browser: Browser;
  let server: TestServer;
  let alice: ConsolePage;
  let bob: ConsolePage;
  let visitor: BrowserContext;
  let dana: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Dana starts a chat on the hosted page; Alice accepts it', async () => {
    alice = await readyConsole(browser, server.http, 'alice@test.parley');
    bob = await readyConsole(browser, server.http, 'bob@test.parley');
    visitor = await browser.newContext({ baseURL: server.http });
    dana = await visitor.newPage();
    await dana.goto('/chat/GENERAL');
    const launcher = launcherOf(dana);
    if (await launcher.isVisible()) await launcher.click();
    await dana.getByLabel('Name').fill('Dana');
    await dana.getByRole('button', { name: 'Start chat' }).click();
    await alice.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    await expect.poll(() => messageLines(dana)).toEqual([expect.stringContaining('Alice')]);
    await dana.getByLabel('Message', { exact: true }).fill('Can you re-send my invoice?');
    await dana.getByRole('button', { name: 'Send message' }).click();
  });

  it('Alice transfers it to Bob with a note; Bob is offered it alone, sees who and why, and accepts', async () => {
    await alice.page.getByRole('button', { name: 'Transfer' }).click();
    await alice.page.getByLabel('Transfer to').selectOption({ label: 'Bob' });
    await alice.page.getByLabel('Note for the next agent (the visitor does not see it)').fill(NOTE);
    await alice.page.getByRole('button', { name: 'Transfer chat' }).click();
    const offer = bob.page.locator('.offer');
    await expect.poll(() => offer.locator('.offer-transfer').textContent()).toBe(`Transferred by Alice: ${NOTE}`);
    await expect.poll(() => alice.page.locator('.chat-closed').textContent()).toBe('This chat was transferred: it is no longer yours.');
    // Alice no longer serves it.
    await expect.poll(() => statusShown(alice.page)).toBe('HANG_UP');
    await bob.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    await expect.poll(() => bob.page.locator('.chat-view .message-text').allTextContents()).toContain('Can you re-send my invoice?');
    await expect.poll(() => bob.page.locator('.message.note').textContent()).toContain(NOTE);
  });

  it('Dana sees Bob take over and nothing of the note', async () => {
    await expect.poll(() => messageLines(dana)).toEqual(expect.arrayContaining([expect.stringContaining('Bob')]));
    const lines = (await messageLines(dana)).join('\n');
    expect(lines).toContain('Can you re-send my invoice?');
    expect(lines).not.toContain('re-sent');
    expect(await dana.content()).not.toContain(NOTE);
    await bob.page.getByLabel('Message to Dana').fill('Hi Dana, Bob here: the invoice is on its way.');
    await bob.page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => messageLines(dana)).toEqual(expect.arrayContaining([expect.stringContaining('Bob here')]));
    await visitor.close();
  });
});
