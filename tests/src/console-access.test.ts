import { StatsDetails } from '@parley/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { chimes, connection, openConsole, openSettings, PHONE, readyConsole, signInAs, statusShown } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { STATS_KEY } from './support/test-config.js';
import { startVisitorChat, TINY_PNG, type VisitorChat, visitorSays, visitorUploads } from './support/visitor-chat.js';

/*
 * Signing in and out, the phone layout as the mobile client, the keyboard shortcuts and the
 * switchable ringing, with axe-core run on each screen the agent sees.
 */
describe('the agent console: sign-in, clients, keyboard and accessibility', () => {
  let browser: Browser;
  let server: TestServer;
  const visitors: VisitorChat[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws' })]);
  });
  afterAll(async () => {
    for (const visitor of visitors) visitor.client.close();
    await browser?.close();
    await server?.stop();
  });

  const details = async (room = 'GENERAL') => StatsDetails.parse(await (await fetch(`${server.http}/api/rooms/${room}/stats/details?key=${STATS_KEY}`)).json());
  const expectAccessible = async (page: Page, screenName: string) => expect(await axeViolations(page), screenName).toEqual([]);

  it('refuses a wrong password or an unknown id with one plain message and nothing else', async () => {
    const { page, context } = await openConsole(browser, server.http, { bypassCSP: true });
    await expectAccessible(page, 'sign-in form');
    for (const [id, password] of [
      ['carol@test.parley', 'not-her-password'],
      ['nobody@test.parley', 'whatever'],
    ] as const) {
      await page.getByLabel('Email').fill(id);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toBe('Wrong email or password.');
      expect(await page.getByLabel('Password').inputValue()).toBe('');
      expect(await page.locator('main').innerText()).toBe(['Parley agent console', 'Email', 'Password', 'Wrong email or password.', 'Sign in'].join('\n'));
    }
    await expectAccessible(page, 'sign-in form with a refusal');
    await context.close();
  });

  it('a phone-sized screen signs in as the mobile client, whose status the server keeps apart from the browser’s', async () => {
    const desktop = await readyConsole(browser, server.http, 'bob@test.parley');
    const phone = await openConsole(browser, server.http, { viewport: PHONE, bypassCSP: true });
    await signInAs(phone.page, 'bob@test.parley');
    expect(await phone.page.locator('.presence-client').textContent()).toBe('Status on mobile:');
    expect(await statusShown(phone.page)).toBe('TAKING_BREAK');
    await desktop.page.getByText('On mobile: On a break').waitFor();
    expect((await details()).agStatDetails.find((d) => d.agentID === 'bob@test.parley')).toMatchObject({
      browserAgentStatus: 'WAITING_NEW_CALL',
      mobileAppAgentStatus: 'TAKING_BREAK',
    });

    await desktop.page.getByRole('button', { name: 'Break', exact: true }).click();
    await phone.page.getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => statusShown(phone.page)).toBe('WAITING_NEW_CALL');
    await expect
      .poll(async () => (await details()).agStatDetails.find((d) => d.agentID === 'bob@test.parley'))
      .toMatchObject({ browserAgentStatus: 'TAKING_BREAK', mobileAppAgentStatus: 'WAITING_NEW_CALL' });

    // With no browser agent free, the mobile client is offered the chat (the room includes mobile staff).
    const visitor = await startVisitorChat(server, { form: { name: 'Pat' } });
    visitors.push(visitor);
    await phone.page.getByRole('button', { name: 'Accept chat with Pat' }).click();
    // A phone shows the chat just accepted as a screen of its own.
    await phone.page.getByRole('heading', { name: 'Chat with Pat' }).waitFor();
    await visitorSays(visitor, 'pat-1', 'Hi from a phone chat');
    await phone.page.locator('.message-text', { hasText: 'Hi from a phone chat' }).waitFor();
    await expectAccessible(phone.page, 'phone layout with a chat');
    await phone.page.getByRole('button', { name: 'End chat' }).click();
    await phone.page.getByRole('button', { name: 'Yes, end chat' }).click();
    await expect.poll(() => statusShown(phone.page)).toBe('HANG_UP');
    await phone.context.close();
    await desktop.context.close();
  });

  it('works from the keyboard: Alt+A accepts, Alt+N moves between chats, Alt+E ends (after asking); ringing can be switched off', async () => {
    const { page, context } = await readyConsole(browser, server.http, 'alice@test.parley', { bypassCSP: true });
    await expectAccessible(page, 'console with nothing waiting');

    const general = await startVisitorChat(server, { form: { name: 'Gina', email: 'gina@example.com' } });
    visitors.push(general);
    await page.locator('.offer').waitFor();
    await page.waitForFunction(() => document.title.includes('Incoming chat'));
    await expectAccessible(page, 'console ringing with an offer');
    await page.keyboard.press('Alt+KeyA');
    await page.getByRole('tab', { name: /Gina/ }).waitFor();
    // Taking a chat makes the agent busy; ready again to be offered a second one (capacity allows it in SALES).
    await expect.poll(() => statusShown(page)).toBe('SERVING_CUSTOMER');
    await page.getByRole('button', { name: 'Ready', exact: true }).click();

    // Both alerts off: the next offer shows, silently and without touching the title.
    await openSettings(page);
    await page.getByLabel('Ring with sound').uncheck();
    await page.getByLabel('Flash the title bar').uncheck();
    await page.keyboard.press('Escape');
    const before = await chimes(page);
    const sales = await startVisitorChat(server, { room: 'SALES', form: { name: 'Sam' } });
    visitors.push(sales);
    await page.locator('.offer .offer-name', { hasText: 'Sam' }).waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await chimes(page)).toBe(before);
    expect(await page.title()).toBe('Parley agent console');
    await page.keyboard.press('Alt+KeyA');
    await page.getByRole('tab', { name: /Sam/ }).waitFor();
    await openSettings(page);
    await page.getByLabel('Ring with sound').check();
    await page.getByLabel('Flash the title bar').check();
    await page.keyboard.press('Escape');

    // The chat just accepted is the one shown; back to Gina's for what follows.
    const selectedTab = () => page.locator('[role=tab][aria-selected=true] .chat-tab-name').textContent();
    expect(await selectedTab()).toBe('Sam');
    await page.getByRole('tab', { name: /^Gina/ }).click();
    expect(await selectedTab()).toBe('Gina');

    // The busiest screen: two chats, an image, the visitor's context, the emoji picker open.
    expect((await visitorUploads(server.http, general, 'shoe.png', TINY_PNG, 'gina-file')).status).toBe(201);
    await page.getByRole('img', { name: 'shoe.png' }).waitFor();
    await page.getByRole('button', { name: 'Insert emoji' }).click();
    await page.getByRole('button', { name: 'thumbs up' }).click();
    expect(await page.getByLabel('Message to Gina').inputValue()).toBe('👍');
    await page.getByRole('button', { name: 'Insert emoji' }).click();
    await page.getByRole('dialog', { name: 'Emoji' }).waitFor();
    await expectAccessible(page, 'two chats, context, emoji picker');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Emoji' }).waitFor({ state: 'detached' });

    await visitorSays(sales, 'sam-1', 'Is the blue one in stock?');
    await page.getByRole('tab', { name: /^Sam .* 1 unread$/ }).waitFor();
    await page.keyboard.press('Alt+KeyN');
    expect(await selectedTab()).toBe('Sam');
    await expect.poll(() => page.getByRole('tab', { name: /unread/ }).count()).toBe(0);

    await page.keyboard.press('Alt+KeyE');
    await page.getByRole('button', { name: 'Yes, end chat' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, end chat');
    await expectAccessible(page, 'end-chat confirmation');
    await page.keyboard.press('Enter');
    await page.getByText('You ended this chat.').waitFor();
    expect((await sales.client.next('conversation', (f) => f.conversation.status === 'ended')).conversation.endedBy).toBe('agent');
    await page.getByRole('button', { name: 'Close tab' }).click();
    expect(await page.locator('[role=tab] .chat-tab-name').allTextContents()).toEqual(['Gina']);
    await context.close();
  });

  it('signing out in one tab closes every socket of the session at once', async () => {
    const first = await readyConsole(browser, server.http, 'carol@test.parley');
    const second = await first.context.newPage();
    await second.goto('/agent/');
    await connection(second, 'ready');
    expect((await details('SALES')).agStatDetails.map((d) => d.agentID)).toContain('carol@test.parley');

    await openSettings(first.page);
    await first.page.getByRole('button', { name: 'Sign out' }).click();
    await first.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await second.getByRole('button', { name: 'Sign in' }).waitFor();
    await second.getByText('You have been signed out.').waitFor();
    expect((await details('SALES')).agStatDetails.map((d) => d.agentID)).not.toContain('carol@test.parley');
    await first.context.close();
  });

  it('after repeated failures, says how long to wait, and lets the agent in once the wait is over', async () => {
    const { page, context } = await openConsole(browser, server.http);
    await page.getByLabel('Email').fill('carol@test.parley');
    const password = page.getByLabel('Password');
    const signIn = page.getByRole('button', { name: 'Sign in' });
    // Five failures (per address and per id) are free; then each attempt waits, and the form says how long.
    let throttled = false;
    for (let attempt = 1; attempt <= 7 && !throttled; attempt++) {
      await password.fill(`guess-${attempt}`);
      await signIn.click();
      await page.waitForFunction(() => (document.getElementById('sign-in-password') as HTMLInputElement).value === '');
      const said = (await page.getByRole('alert').textContent()) ?? '';
      throttled = /^Too many failed attempts\. Try again in \d+ s\.$/.test(said);
      if (!throttled) expect(said).toBe('Wrong email or password.');
    }
    expect(throttled).toBe(true);
    await password.fill('parley-demo');
    expect(await signIn.isDisabled()).toBe(true);
    await page.waitForFunction(() => !(document.querySelector('button[type=submit]') as HTMLButtonElement).disabled, undefined, { timeout: 20_000 });
    expect(await page.getByRole('alert').textContent()).toBe('');
    await signIn.click();
    await connection(page, 'ready');
    await context.close();
  });
});
