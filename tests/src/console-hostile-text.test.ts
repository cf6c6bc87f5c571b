import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { readyConsole } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent } from './support/parties.js';
import { startVisitorChat, TINY_PNG, visitorSays, visitorUploads } from './support/visitor-chat.js';

/*
 * Everything a visitor writes reaches the console: their name, form answers, page
 * title and address, referrer, browser, messages, drafts and file names, now and in earlier
 * chats. Each payload below would run script or create elements if it were ever treated as
 * HTML; the console must show every one of them literally.
 */
const HIT = (where: string) => `window.__pwned=(window.__pwned||[]).concat('${where}')`;
const P = {
  name: `<img src=x onerror="${HIT('name')}">Mallory`,
  // Form keys are at most 64 characters.
  // Answer keys are the room's own field keys: the server refuses any other (FORM_INVALID).
  formKey: 'order',
  formValue: `<script>${HIT('value')}</script>`,
  title: `</title><svg onload="${HIT('title')}">`,
  url: `javascript:${HIT('url')}`,
  referrer: `"><iframe srcdoc="<script>parent.${HIT('referrer')}</script>">`,
  userAgent: `<img src=x onerror="${HIT('ua')}">`,
  language: `<u>xx</u>`,
  message: `<script>${HIT('message')}</script><b>bold</b> & <a href="javascript:${HIT('link')}">click</a>`,
  draft: `<img src=x onerror="${HIT('draft')}">typing`,
  fileName: `"><img src=x onerror="${HIT('file')}">.png`,
  earlier: `<style>body{display:none}</style><marquee onstart="${HIT('earlier')}">old</marquee>`,
};

describe('visitor text in the console', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows script and markup payloads literally, everywhere, and runs none of them', async () => {
    const visit = {
      form: { name: P.name, [P.formKey]: P.formValue },
      context: { url: P.url, title: P.title, referrer: P.referrer, timeZone: '<b>Mars/Olympus</b>', language: P.language },
      headers: { 'user-agent': P.userAgent },
    };
    // An earlier chat of the same visitor, served over the protocol by Bob, with a payload in it.
    const bob = await connectAgent(server, 'bob@test.parley');
    const earlier = await startVisitorChat(server, visit);
    await bob.client.next('offer');
    bob.client.send({ type: 'accept', conversationId: earlier.conversationId });
    await earlier.client.next('conversation', (f) => f.conversation.status === 'active');
    await visitorSays(earlier, 'old-1', P.earlier);
    earlier.client.send({ type: 'end', conversationId: earlier.conversationId });
    await earlier.client.next('conversation', (f) => f.conversation.status === 'ended');
    bob.client.close();
    await bob.client.closed;

    const { page } = await readyConsole(browser, server.http, 'alice@test.parley');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const visitor = await startVisitorChat(server, { ...visit, token: earlier.token });

    const contains = async (where: Locator, ...payloads: string[]) => {
      await where.first().waitFor();
      const text = (await where.first().textContent()) ?? '';
      for (const payload of payloads) expect(text, `${payload} in ${where}`).toContain(payload);
    };
    const offer = page.locator('.offer');
    await contains(offer, P.name, P.formValue, P.title, P.url);
    await contains(page.locator('.queue[data-room="GENERAL"]'), P.name);
    expect(await page.getByRole('button', { name: `Accept chat with ${P.name}` }).count()).toBe(1);

    await page.getByRole('button', { name: `Accept chat with ${P.name}` }).click();
    await contains(page.getByRole('tab'), P.name);
    await contains(page.locator('.chat-title'), P.name);
    await visitorSays(visitor, 'new-1', P.message);
    await contains(page.locator('.message.from-visitor'), P.name, P.message);
    visitor.client.send({ type: 'typing', conversationId: visitor.conversationId, active: true, draft: P.draft });
    await contains(page.locator('.typing'), P.name, P.draft);
    expect((await visitorUploads(server.http, visitor, P.fileName, TINY_PNG, 'new-file')).status).toBe(201);
    await contains(page.locator('.attachment figcaption'), P.fileName);
    expect(await page.getByRole('img', { name: P.fileName }).getAttribute('src')).toMatch(/^blob:/);

    const context = page.locator('.visitor-context');
    await contains(context, P.name, P.formValue, P.title, P.url, P.referrer, P.userAgent, P.language);
    await context.locator('summary').first().click();
    await contains(context.locator('.past-list .messages'), P.earlier, P.name);

    await page.getByRole('button', { name: 'End chat' }).click();
    await contains(page.locator('.confirm-end'), P.name);
    await page.getByRole('button', { name: 'Keep chatting' }).click();

    // Nothing ran, and no element or attribute came from a payload.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string[] }).__pwned ?? [])).toEqual([]);
    expect(dialogs).toEqual([]);
    const found = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
        tags: all.map((el) => el.tagName.toLowerCase()).filter((tag) => ['iframe', 'svg', 'marquee', 'b', 'u', 'a', 'style'].includes(tag)),
        scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
        images: [...document.images].map((img) => img.getAttribute('src')?.slice(0, 5)),
      };
    });
    expect(found.handlers).toEqual([]);
    expect(found.tags).toEqual([]);
    expect(found.scripts.every((src) => src.startsWith('/agent/assets/'))).toBe(true);
    expect(new Set(found.images)).toEqual(new Set(['blob:']));
    expect(await page.locator('body').isVisible()).toBe(true);
    visitor.client.close();
  });

  it('isolates visitor text from the text around it, so bidi overrides in a name or title reorder nothing else', async () => {
    const { page } = await readyConsole(browser, server.http, 'bob@test.parley');
    // U+202E (right-to-left override) would reverse "waiting 0 min" and the room's name after it.
    await startVisitorChat(server, { form: { name: '\u202Eyrollam' }, context: { url: 'https://shop.test/', title: '\u202Eeltit' } });
    const offer = page.locator('.offer').last();
    await offer.waitFor();
    const bidi = (where: Locator) => where.evaluate((element) => getComputedStyle(element).unicodeBidi);
    for (const part of ['.offer-name', '.page-title', '.page-url']) expect(await bidi(offer.locator(part)), part).toBe('isolate');
    expect(await bidi(page.locator('.queue-name').first())).toBe('isolate');
  });
});
