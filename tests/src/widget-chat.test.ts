import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../demo/src/demo-site.js';
import { launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent } from './support/parties.js';
import { solidPng } from './support/png.js';
import { axeCheck, launcherOf, messageLines } from './support/widget-page.js';
import { widgetRooms } from './support/widget-rooms.js';

/**
 * A visitor on the demo shop (its own origin, pasting the script tag as a customer would) and an
 * agent scripted through the agent protocol, against the real server in Chromium.
 */
describe('the widget on the demo shop', () => {
  let browser: Browser;
  let server: TestServer;
  let site: DemoSite;
  let shop: string;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws', file: widgetRooms })]);
    site = await startDemoSite({ parleyUrl: server.http, host: '127.0.0.1', port: 0 });
    // `localhost` is the room's whitelisted domain; the server itself is at 127.0.0.1, another origin.
    shop = `http://localhost:${site.port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.stop();
  });

  /** Alice, ready for a new chat (she ends each test's chat, which leaves her at HANG_UP). */
  async function readyAgent() {
    const agent = await connectAgent(server, 'alice@test.parley');
    agent.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    return agent;
  }

  async function visitorPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    return context.newPage();
  }

  it('fills the welcome form, chats with an agent, sends an image, sees typing, and finds it all once after a reload', async () => {
    const page = await visitorPage();
    await page.goto(`${shop}/`);
    const launcher = launcherOf(page);
    await expect.poll(() => launcher.getAttribute('aria-label')).toBe('Open chat');
    await launcher.click();

    await page.getByRole('button', { name: 'Start chat' }).click();
    await expect.poll(() => page.getByText('Please fill in this field.').count()).toBe(2);
    await page.getByLabel('Your name').fill('Dana <b>Rider</b>');
    await page.getByLabel('Email').fill('dana@example.com');
    await page.getByLabel(/Topic/).selectOption('Repairs');
    await page.getByLabel('I agree to the chat being recorded').check();
    const agent = await readyAgent();
    await page.getByRole('button', { name: 'Start chat' }).click();

    const { offer } = await agent.client.next('offer', (f) => f.offer.visitor.name === 'Dana <b>Rider</b>');
    expect(offer.form).toEqual({ name: 'Dana <b>Rider</b>', email: 'dana@example.com', topic: 'Repairs', terms: true });
    expect(offer.context.url).toBe(`${shop}/`);
    const id = offer.conversationId as string;
    agent.client.send({ type: 'accept', conversationId: id });
    await expect.poll(() => messageLines(page)).toEqual(['Alice joined the chat.']);

    agent.client.send({ type: 'typing', conversationId: id, active: true });
    await page.getByText('Alice is typing…').waitFor();
    agent.client.send({ type: 'message', conversationId: id, clientId: 'agent-1', text: 'Hi Dana, what can I do for you?' });
    agent.client.send({ type: 'typing', conversationId: id, active: false });
    await page.getByText('Alice is typing…').waitFor({ state: 'detached' });

    const box = page.getByLabel('Message', { exact: true });
    await box.pressSequentially('My brakes');
    expect((await agent.client.next('typing', (f) => f.active && f.draft === 'My brakes')).draft).toBe('My brakes');
    await box.pressSequentially(' squeak');
    // The emoji picker is a separate file, loaded on first use: search, pick, and it is in the box.
    await page.getByRole('button', { name: 'Insert emoji' }).click();
    await page.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
    await page.getByRole('button', { name: 'thumbs up' }).click();
    await expect.poll(() => box.inputValue()).toBe('My brakes squeak👍');
    await page.getByRole('button', { name: 'Send message' }).click();
    expect((await agent.client.next('message', (f) => f.message.from === 'visitor')).message.text).toBe('My brakes squeak👍');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'brakes.png', mimeType: 'image/png', buffer: solidPng(40, 30, [200, 30, 30]) });
    const upload = await agent.client.next('message', (f) => f.message.kind === 'file');
    expect(upload.message.file).toMatchObject({ name: 'brakes.png', kind: 'png' });
    const image = page.getByRole('img', { name: 'brakes.png' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);

    agent.client.send({ type: 'message', conversationId: id, clientId: 'agent-2', text: 'Bring it in, we fix it today: https://acme.example/repairs' });
    // The agent sends a picture too: the widget downloads it with the visitor's token and shows it.
    const sent = await fetch(`${server.http}/api/conversations/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}`, 'x-client-id': 'agent-file', 'x-file-name': 'pads.png' },
      body: new Uint8Array(solidPng(24, 16, [20, 90, 200])),
    });
    expect(sent.status).toBe(201);
    const pads = page.getByRole('img', { name: 'pads.png' });
    await expect.poll(() => pads.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
    await expect.poll(async () => (await messageLines(page)).length).toBe(6);
    const before = await messageLines(page);

    expect(before[0]).toBe('Alice joined the chat.');
    // Her initials, then her name and role: the visitor sees who answers.
    expect(before[1]).toMatch(/^A\s*Alice · Mechanic\s+Hi Dana, what can I do for you\?/);
    expect(before[2]).toMatch(/^You\s+My brakes squeak👍\s+.* · Sent$/);
    expect(before[4]).toContain('Bring it in, we fix it today: https://acme.example/repairs');
    expect(await page.getByRole('link', { name: 'https://acme.example/repairs' }).getAttribute('rel')).toContain('noopener');

    await page.reload();
    await expect.poll(() => messageLines(page)).toEqual(before);
    await expect.poll(() => page.getByRole('img', { name: 'brakes.png' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);

    // The agent's new message after the reload arrives live, once.
    agent.client.send({ type: 'message', conversationId: id, clientId: 'agent-3', text: 'See you soon.' });
    await expect.poll(async () => (await messageLines(page)).filter((line) => line.includes('See you soon.')).length).toBe(1);
    expect((await messageLines(page)).length).toBe(7);
    agent.client.send({ type: 'end', conversationId: id });
    await page.getByRole('button', { name: 'Start a new chat' }).waitFor();
    agent.client.close();

    // Coming back another day (a new page of the site): the form holds what she typed last time, but asks her consent again.
    await page.close();
    const later = await page.context().newPage();
    await later.goto(`${shop}/`);
    await launcherOf(later).click();
    expect(await later.getByLabel('Your name').inputValue()).toBe('Dana <b>Rider</b>');
    expect(await later.getByLabel('Email').inputValue()).toBe('dana@example.com');
    expect(await later.getByLabel(/Topic/).inputValue()).toBe('Repairs');
    expect(await later.getByLabel('I agree to the chat being recorded').isChecked()).toBe(false);
    await later.context().close();
  });

  it('flashes "(2) New messages" in the title while the chat is closed, and stops the moment the visitor opens it on the focused page', async () => {
    const page = await visitorPage();
    // The page's timers run on a clock the test moves: the notice alternates every 1.5 s.
    await page.clock.install();
    await page.goto(`${shop}/`);
    const shopTitle = await page.title();
    const launcher = launcherOf(page);
    await expect.poll(() => launcher.getAttribute('aria-label')).toBe('Open chat');
    await launcher.click();
    await page.getByLabel('Your name').fill('Tess');
    await page.getByLabel('Email').fill('tess@example.com');
    await page.getByLabel(/Topic/).selectOption('Repairs');
    await page.getByLabel('I agree to the chat being recorded').check();
    const agent = await readyAgent();
    await page.getByRole('button', { name: 'Start chat' }).click();
    const id = (await agent.client.next('offer', (f) => f.offer.visitor.name === 'Tess')).offer.conversationId as string;
    agent.client.send({ type: 'accept', conversationId: id });
    await expect.poll(() => messageLines(page)).toEqual(['Alice joined the chat.']);

    await launcher.click();
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
    agent.client.send({ type: 'message', conversationId: id, clientId: 'new-1', text: 'Are you there?' });
    await expect.poll(() => page.title()).toBe('(1) New message');
    agent.client.send({ type: 'message', conversationId: id, clientId: 'new-2', text: 'Still here?' });
    await expect
      .poll(async () => {
        await page.clock.runFor(1500);
        return page.title();
      })
      .toBe('(2) New messages');

    // Opening the chat, with the page focused all along, is looking at it: the notice stops.
    await launcher.click();
    await expect.poll(() => page.title()).toBe(shopTitle);
    await page.clock.runFor(4000);
    expect(await page.title()).toBe(shopTitle);
    agent.client.send({ type: 'end', conversationId: id });
    agent.client.close();
    await page.context().close();
  });

  it('shows a file the server refused by its name (no broken picture), where it was sent, until dismissed', async () => {
    const page = await visitorPage();
    await page.goto(`${shop}/`);
    const launcher = launcherOf(page);
    await expect.poll(() => launcher.getAttribute('aria-label')).toBe('Open chat');
    await launcher.click();
    await page.getByLabel('Your name').fill('Remy');
    await page.getByLabel('Email').fill('remy@example.com');
    await page.getByLabel(/Topic/).selectOption('Repairs');
    await page.getByLabel('I agree to the chat being recorded').check();
    const agent = await readyAgent();
    await page.getByRole('button', { name: 'Start chat' }).click();
    const id = (await agent.client.next('offer', (f) => f.offer.visitor.name === 'Remy')).offer.conversationId as string;
    agent.client.send({ type: 'accept', conversationId: id });
    await expect.poll(() => messageLines(page)).toEqual(['Alice joined the chat.']);

    // Named and typed as a PNG, but its bytes are not one: the browser would preview it, the server refuses it.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'not-really.png', mimeType: 'image/png', buffer: Buffer.from('this is text, not a picture') });
    const refusal = page.getByRole('alert').filter({ hasText: 'not-really.png cannot be sent' });
    await refusal.waitFor();
    expect(await page.locator('parley-widget .messages img').count()).toBe(0);

    agent.client.send({ type: 'message', conversationId: id, clientId: 'alice-after', text: 'Could you send a photo instead?' });
    await expect.poll(async () => (await messageLines(page)).at(-1)).toContain('Could you send a photo instead?');
    const lines = await messageLines(page);
    expect(lines.findIndex((line) => line.includes('not-really.png'))).toBe(lines.length - 2);

    await page.getByRole('button', { name: 'Dismiss' }).click();
    await refusal.waitFor({ state: 'detached' });
    agent.client.send({ type: 'end', conversationId: id });
    agent.client.close();
    await page.context().close();
  });

  it('stays at the newest message while pictures load above it', async () => {
    const page = await visitorPage();
    await page.goto(`${shop}/`);
    const launcher = launcherOf(page);
    await expect.poll(() => launcher.getAttribute('aria-label')).toBe('Open chat');
    await launcher.click();
    await page.getByLabel('Your name').fill('Pia');
    await page.getByLabel('Email').fill('pia@example.com');
    await page.getByLabel(/Topic/).selectOption('Repairs');
    await page.getByLabel('I agree to the chat being recorded').check();
    const agent = await readyAgent();
    await page.getByRole('button', { name: 'Start chat' }).click();
    const id = (await agent.client.next('offer', (f) => f.offer.visitor.name === 'Pia')).offer.conversationId as string;
    agent.client.send({ type: 'accept', conversationId: id });
    await expect.poll(() => messageLines(page)).toEqual(['Alice joined the chat.']);

    for (const n of [1, 2, 3]) {
      const sent = await fetch(`${server.http}/api/conversations/${id}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent.token}`, 'x-client-id': `photo-${n}`, 'x-file-name': `photo-${n}.png` },
        body: new Uint8Array(solidPng(320, 240, [40 * n, 120, 200])),
      });
      expect(sent.status).toBe(201);
    }
    const photos = page.getByRole('img', { name: /photo-\d\.png/ });
    await expect
      .poll(() => photos.evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0).length))
      .toBe(3);
    const fromBottom = () => page.locator('parley-widget .scroll').evaluate((list) => list.scrollHeight - list.scrollTop - list.clientHeight);
    await expect.poll(fromBottom).toBeLessThan(2);
    agent.client.send({ type: 'end', conversationId: id });
    agent.client.close();
    await page.context().close();
  });

  it('passes an axe-core check, open with the form and open in a conversation', async () => {
    const page = await visitorPage();
    await page.goto(`${shop}/`);
    await launcherOf(page).click();
    await page.getByRole('button', { name: 'Start chat' }).waitFor();
    const form = await axeCheck(page);
    expect(form.violations).toEqual([]);
    expect(form.checked).toBeGreaterThan(20);

    const agent = await readyAgent();
    await page.getByLabel('Your name').fill('Axel');
    await page.getByLabel('Email').fill('axel@example.com');
    await page.getByLabel('I agree to the chat being recorded').check();
    await page.getByRole('button', { name: 'Start chat' }).click();
    const { offer } = await agent.client.next('offer', (f) => f.offer.visitor.name === 'Axel');
    agent.client.send({ type: 'accept', conversationId: offer.conversationId });
    agent.client.send({ type: 'message', conversationId: offer.conversationId, clientId: 'agent-a', text: 'Hello Axel' });
    await expect.poll(async () => (await messageLines(page)).at(-1)).toContain('Hello Axel');
    await page.getByRole('button', { name: 'Chat menu' }).click();
    const chatting = await axeCheck(page);
    expect(chatting.violations).toEqual([]);
    expect(chatting.checked).toBeGreaterThan(20);
    agent.client.send({ type: 'end', conversationId: offer.conversationId });
    await page.getByRole('button', { name: 'Start a new chat' }).waitFor();
    agent.client.close();
    await page.context().close();
  });

  it('works from the keyboard alone, and tells screen readers about new messages', async () => {
    const page = await visitorPage();
    await page.goto(`${shop}/`);
    await launcherOf(page).waitFor();
    const focusedLabel = () =>
      page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.getAttribute('aria-label') ?? element?.id ?? element?.tagName ?? '';
      });
    for (let presses = 0; presses < 20 && (await focusedLabel()) !== 'Open chat'; presses++) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Open chat');
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('pw-f-name');
    await page.keyboard.press('Escape');
    await expect.poll(focusedLabel).toBe('Open chat');
    await page.keyboard.press('Enter');

    const agent = await readyAgent();
    await page.keyboard.type('Kim');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim@example.com');
    for (const _field of ['phone', 'topic', 'question']) await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    const { offer } = await agent.client.next('offer', (f) => f.offer.visitor.name === 'Kim');
    agent.client.send({ type: 'accept', conversationId: offer.conversationId });
    await expect.poll(focusedLabel).toBe('pw-message');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    expect((await agent.client.next('message', (f) => f.message.from === 'visitor')).message.text).toBe('Typed without a mouse');

    agent.client.send({ type: 'message', conversationId: offer.conversationId, clientId: 'agent-k', text: 'Heard you, Kim.' });
    const announcer = page.locator('parley-widget [aria-live="polite"]');
    await expect.poll(() => announcer.textContent()).toBe('Alice: Heard you, Kim.');
    agent.client.send({ type: 'end', conversationId: offer.conversationId });
    await expect.poll(() => announcer.textContent()).toBe('Alice ended the chat.');
    agent.client.close();
    await page.context().close();
  });

  it('opens at once for a page that asked before the widget arrived', async () => {
    const page = await visitorPage();
    await page.addInitScript(() => {
      const stub = ((...args: unknown[]) => {
        (stub.q = stub.q || []).push(args);
      }) as ((...args: unknown[]) => void) & { q?: unknown[][] };
      (window as unknown as { Parley: typeof stub }).Parley = stub;
      stub('identify', { name: 'Early Bird' });
      stub('open');
    });
    await page.goto(`${shop}/`);
    await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('Early Bird');
    await page.context().close();
  });

  it('fills a phone-sized screen and offers to continue by SMS there', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${shop}/`);
    await launcherOf(page).tap();
    await page.getByRole('button', { name: 'Start chat' }).waitFor();
    expect(await page.locator('parley-widget .panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 780 });
    await page.getByRole('button', { name: 'Chat menu' }).tap();
    expect(await page.getByRole('link', { name: 'Continue by text message' }).getAttribute('href')).toBe('sms:+15550100199');
    expect(await page.getByRole('link', { name: /Shipping times/ }).getAttribute('href')).toBe('https://acme.example/shipping');
    await page.getByRole('button', { name: 'Close chat' }).tap();
    await launcherOf(page).waitFor();
    // With the launcher on the left too (the preview page passes the embed option on).
    await page.goto(`${server.http}/preview/GENERAL?position=left`);
    await launcherOf(page).tap();
    await page.getByRole('button', { name: 'Chat menu' }).waitFor();
    expect(await page.locator('parley-widget .panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 780 });
    await context.close();

    // On a desktop-sized screen there is no SMS option.
    const desktop = await visitorPage();
    await desktop.goto(`${shop}/`);
    await launcherOf(desktop).click();
    await desktop.getByRole('button', { name: 'Chat menu' }).click();
    await desktop.getByRole('link', { name: /Shipping times/ }).waitFor();
    expect(await desktop.getByRole('link', { name: 'Continue by text message' }).count()).toBe(0);
    await desktop.context().close();
  });

  it('takes commands from the host page before and after it loads, and tells it what happens', async () => {
    const page = await visitorPage();
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      window.addEventListener('DOMContentLoaded', () => {
        const parley = (window as unknown as { Parley: (...args: unknown[]) => void }).Parley;
        for (const event of ['open', 'close', 'conversationStart', 'message']) parley('on', event, (payload: unknown) => seen.push([event, payload]));
      });
    });
    // The pricing page queues identify and a message listener before the loader arrives.
    await page.goto(`${shop}/pricing.html`);
    await page.getByRole('button', { name: 'Ask about a repair' }).click();
    await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('Sam Rider');
    expect(await page.getByLabel('Email').inputValue()).toBe('sam@example.com');
    const readyLate = await page.evaluate(
      () => new Promise((resolve) => (window as unknown as { Parley: (...args: unknown[]) => void }).Parley('on', 'ready', resolve)),
    );
    expect(readyLate).toEqual({ available: true });

    const agent = await readyAgent();
    await page.getByLabel('I agree to the chat being recorded').check();
    await page.getByRole('button', { name: 'Start chat' }).click();
    const { offer } = await agent.client.next('offer', (f) => f.offer.visitor.name === 'Sam Rider');
    agent.client.send({ type: 'accept', conversationId: offer.conversationId });
    agent.client.send({ type: 'message', conversationId: offer.conversationId, clientId: 'agent-p', text: 'Repairs start at €12.' });
    await page.getByText('New reply in the chat.').waitFor();
    await page.evaluate(() => (window as unknown as { Parley: (...args: unknown[]) => void }).Parley('close'));
    const seen = (await page.evaluate(() => (window as unknown as { seen: [string, unknown][] }).seen)).map(([event]) => event);
    expect(seen).toEqual(['open', 'conversationStart', 'message', 'close']);
    agent.client.send({ type: 'end', conversationId: offer.conversationId });
    agent.client.close();
    await page.context().close();
  });
});
