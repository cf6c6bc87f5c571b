import { readFileSync } from 'node:fs';
import { ConfigFile } from '@parley/shared/settings';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type ConsolePage, readyConsole, statusShown } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { stepsOfOneStory } from './support/story.js';
import { TEST_PASSWORD, testFile } from './support/test-config.js';
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

  it("the result shows in the day's report on the Supervisor tab, and in its CSV download", async () => {
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
    const admin = await context.newPage();
    await admin.goto(`${server.http}/admin/`);
    await admin.getByLabel('Email').fill('admin@test.parley');
    await admin.getByLabel('Password').fill(TEST_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('heading', { name: 'Rooms', level: 1 }).waitFor();
    await admin.goto(`${server.http}/admin/#rooms/GENERAL/supervisor`);
    await admin.getByRole('heading', { name: /^Report for \d{4}-\d{2}-\d{2}$/ }).waitFor();
    const figure = (term: string) => admin.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
    expect(await figure('Chats ended').textContent()).toBe('1');
    expect(await figure('Result: Refund').textContent()).toBe('1');
    expect(await figure('Result: Sale').textContent()).toBe('0');

    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^parley-GENERAL-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = readFileSync((await file.path())!, 'utf8').split('\r\n');
    const columns = header!.split(',');
    const cells = row!.split(',');
    expect(cells[columns.indexOf('chats')]).toBe('1');
    expect(cells[columns.indexOf('result:Refund')]).toBe('1');
    expect(cells[columns.indexOf('result:Sale')]).toBe('0');
    await context.close();
  });
});
