import { ConfigFile } from '@parley/shared/settings';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type ConsolePage, readyConsole, statusShown } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { stepsOfOneStory } from './support/story.js';
import { testFile } from './support/test-config.js';
import { startVisitorChat, type VisitorChat } from './support/visitor-chat.js';

const file = ConfigFile.parse({
  ...testFile,
  rooms: testFile.rooms.map((room) => (room.name === 'GENERAL' ? { ...room, resultCodes: ['Sale', 'Refund', 'No answer'], resultCodeRequired: true } : room)),
});

/*
 * Issue 14: ending a chat asks for its result code; the room requires one, so the agent is not
 * ready again until they give it, and the console says why.
 */
describe('the result code after a chat, in the console', () => {
  stepsOfOneStory();
  let browser: Browser;
  let server: TestServer;
  let alice: ConsolePage;
  let dana: VisitorChat;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws', file })]);
  });
  afterAll(async () => {
    dana?.client.close();
    await browser?.close();
    await server?.stop();
  });

  it('ending the chat asks for the result; "Ready" is refused until it is given, with the reason', async () => {
    alice = await readyConsole(browser, server.http, 'alice@test.parley');
    dana = await startVisitorChat(server, { form: { name: 'Dana' } });
    await alice.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    await dana.client.next('conversation', (f) => f.conversation.status === 'active');
    await alice.page.getByRole('button', { name: 'End chat' }).click();
    await alice.page.getByRole('button', { name: 'Yes, end chat' }).click();
    const result = alice.page.getByLabel('Result of this chat (required before you are ready again)');
    await result.waitFor();
    await expect.poll(() => statusShown(alice.page)).toBe('HANG_UP');

    await alice.page.getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => alice.page.locator('.notices').textContent()).toContain('Give the chat you ended its result code first.');
    expect(await statusShown(alice.page)).toBe('HANG_UP');

    await result.selectOption('Refund');
    await alice.page.getByLabel('Note on the result (optional)').fill('Refunded the delivery fee');
    await alice.page.getByRole('button', { name: 'Save result' }).click();
    await expect.poll(() => alice.page.locator('.disposition-given').textContent()).toBe('Result: Refund (Refunded the delivery fee)');
    await alice.page.getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => statusShown(alice.page)).toBe('WAITING_NEW_CALL');
    expect((await server.store.conversations.get(dana.conversationId))?.disposition).toMatchObject({ code: 'Refund', note: 'Refunded the delivery fee' });
  });
});
