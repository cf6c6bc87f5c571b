import { StatsDetails } from '@parley/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type ConsolePage, chimes, connection, readyConsole, shownMessages, statusShown } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { stepsOfOneStory } from './support/story.js';
import { STATS_KEY } from './support/test-config.js';
import { startVisitorChat, TINY_PNG, type VisitorChat, visitorSays, visitorUploads } from './support/visitor-chat.js';

/*
 * The "done when", in one story on the real server and Chromium: two agents sign in, a
 * visitor (through the visitor protocol) starts a chat, both consoles ring, one accepts and the
 * other's offer vanishes, they chat with typing and attachments, the agent's network drops and
 * comes back without a lost or doubled message, the visitor hangs up, and ready again brings
 * the next visitor in at once. Steps share the server and consoles, in order.
 */
describe('the agent console, end to end', () => {
  let browser: Browser;
  let server: TestServer;
  let alice: ConsolePage;
  let bob: ConsolePage;
  let dana: VisitorChat;
  let eve: VisitorChat;
  stepsOfOneStory();

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws' })]);
  });
  afterAll(async () => {
    dana?.client.close();
    eve?.client.close();
    await browser?.close();
    await server?.stop();
  });

  const details = async () => StatsDetails.parse(await (await fetch(`${server.http}/api/rooms/GENERAL/stats/details?key=${STATS_KEY}`)).json());

  it('two agents sign in and say ready; a visitor starts a chat and both consoles ring with who waits, from where', async () => {
    [alice, bob] = await Promise.all([readyConsole(browser, server.http, 'alice@test.parley'), readyConsole(browser, server.http, 'bob@test.parley')]);
    expect((await details()).agStatDetails.map((d) => [d.agentID, d.browserAgentStatus]).sort()).toEqual([
      ['alice@test.parley', 'WAITING_NEW_CALL'],
      ['bob@test.parley', 'WAITING_NEW_CALL'],
    ]);

    dana = await startVisitorChat(server, {
      form: { name: 'Dana Scully', email: 'dana@example.com', order: 'A-1042' },
      context: {
        url: 'https://shop.test/checkout?step=2',
        title: 'Checkout',
        referrer: 'https://search.test/?q=shoes',
        timeZone: 'Europe/Paris',
        language: 'fr-FR',
      },
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' },
    });
    for (const { page } of [alice, bob]) {
      const offer = page.locator('.offer');
      await offer.waitFor();
      await expect.poll(() => offer.locator('.offer-name').textContent()).toBe('Dana Scully');
      const text = await offer.textContent();
      for (const shown of ['General', 'Checkout', 'https://shop.test/checkout?step=2', 'dana@example.com', 'A-1042']) expect(text).toContain(shown);
      // Rings: the title bar flashes and the chime plays.
      await page.waitForFunction(() => document.title.includes('Incoming chat'));
      await expect.poll(() => chimes(page)).toBeGreaterThan(0);
    }
  });

  it('one accepts; the other offer vanishes at once and the ringing stops', async () => {
    await alice.page.getByRole('button', { name: 'Accept chat with Dana Scully' }).click();
    await bob.page.locator('.offer').waitFor({ state: 'detached' });
    await expect.poll(() => bob.page.locator('#offers-title').textContent()).toBe('Incoming chats (0)');
    await bob.page.waitForFunction(() => !document.title.includes('Incoming chat'));
    await expect.poll(() => statusShown(alice.page)).toBe('SERVING_CUSTOMER');
    await expect.poll(() => statusShown(bob.page)).toBe('WAITING_NEW_CALL');

    const tab = alice.page.getByRole('tab', { name: /Dana Scully/ });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    const context = alice.page.getByRole('region', { name: 'Visitor details' });
    await expect.poll(() => context.textContent()).toContain('None: this is the first.');
    const facts = await context.textContent();
    for (const shown of [
      'dana@example.com',
      'A-1042',
      'Checkout',
      'https://shop.test/checkout?step=2',
      'https://search.test/?q=shoes',
      'Chrome 131 on Windows',
      'fr-FR',
      '(Europe/Paris)',
    ]) {
      expect(facts).toContain(shown);
    }
  });

  it('they chat, with typing shown both ways (the visitor’s live draft included) and attachments both ways', async () => {
    const { page } = alice;
    dana.client.send({ type: 'typing', conversationId: dana.conversationId, active: true, draft: 'My order has not' });
    await page.getByText('Dana Scully is typing…').waitFor();
    await page.locator('.typing-draft', { hasText: 'My order has not' }).waitFor();
    await visitorSays(dana, 'dana-1', 'My order has not arrived');
    await page.locator('.message-text', { hasText: 'My order has not arrived' }).waitFor();
    await page.getByText('Dana Scully is typing…').waitFor({ state: 'detached' });

    const composer = page.getByLabel('Message to Dana Scully');
    await composer.pressSequentially('Let me check');
    expect((await dana.client.next('typing')).active).toBe(true);
    await composer.press('Enter');
    const reply = await dana.client.next('message', (f) => f.message.kind === 'text' && f.message.from === 'agent');
    expect(reply.message).toMatchObject({ text: 'Let me check', name: 'Alice' });
    await page.locator('.message.from-agent:not(.pending) .message-text', { hasText: 'Let me check' }).waitFor();

    await page
      .getByLabel('Attach a file', { exact: true })
      .and(page.locator('input[type=file]'))
      .setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: TINY_PNG });
    const file = await dana.client.next('message', (f) => f.message.kind === 'file');
    expect(file.message).toMatchObject({ from: 'agent', file: { name: 'label.png', kind: 'png' } });

    expect((await visitorUploads(server.http, dana, 'receipt.png', TINY_PNG, 'dana-file-1')).status).toBe(201);
    const image = page.getByRole('img', { name: 'receipt.png' });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
  });

  it("the agent's network drops and comes back: nothing lost, nothing doubled, the queue resynced", async () => {
    const { page, context } = alice;
    const before = await shownMessages(page);
    await bob.page.getByRole('button', { name: 'Break', exact: true }).click();
    await expect.poll(() => statusShown(bob.page)).toBe('TAKING_BREAK');

    await context.setOffline(true);
    await connection(page, 'offline');
    // While Alice is away: Dana writes twice, Alice writes once (kept until it can be sent), a second visitor queues up.
    await visitorSays(dana, 'dana-2', 'Are you still there?');
    await visitorSays(dana, 'dana-3', 'Hello?');
    await page.getByLabel('Message to Dana Scully').fill('Sorry, my connection dropped');
    await page.getByLabel('Message to Dana Scully').press('Enter');
    await page.locator('.message.pending', { hasText: 'Sorry, my connection dropped' }).waitFor();
    eve = await startVisitorChat(server, { form: { name: 'Eve' } });
    await bob.page.locator('.queue[data-room="GENERAL"] .queue-name', { hasText: 'Eve' }).waitFor();

    await context.setOffline(false);
    await connection(page, 'ready');
    await page.locator('.message:not(.pending) .message-text', { hasText: 'Sorry, my connection dropped' }).waitFor();
    await page.locator('.message-text', { hasText: 'Hello?' }).waitFor();
    await page.locator('.queue[data-room="GENERAL"] .queue-name', { hasText: 'Eve' }).waitFor();
    expect(await page.locator('.queue[data-room="GENERAL"] .queue-total').textContent()).toBe('1');

    const after = await shownMessages(page);
    expect(after.map((m) => m.seq)).toEqual(after.map((_, i) => i + 1));
    expect(after.slice(0, before.length)).toEqual(before);
    const texts = after.map((m) => m.text);
    for (const text of ['Are you still there?', 'Hello?', 'Sorry, my connection dropped']) expect(texts.filter((t) => t === text)).toHaveLength(1);
    expect(await page.locator('.message.pending').count()).toBe(0);

    // The visitor got Alice's offline message exactly once, and it is stored once: a later
    // message on the same ordered socket is the barrier, the visitor's own sync the record.
    await page.getByLabel('Message to Dana Scully').fill('Thanks for waiting');
    await page.getByLabel('Message to Dana Scully').press('Enter');
    await dana.client.next('message', (f) => f.message.text === 'Thanks for waiting');
    expect(dana.client.all('message').filter((f) => f.message.text === 'Sorry, my connection dropped')).toHaveLength(1);
    dana.client.send({ type: 'sync', conversationId: dana.conversationId, afterSeq: 0 });
    const stored = (await dana.client.next('history')).messages as { text?: string }[];
    expect(stored.filter((m) => m.text === 'Sorry, my connection dropped')).toHaveLength(1);
    expect(stored.filter((m) => m.text === 'Hello?')).toHaveLength(1);
  });

  it('the visitor ends the chat: REMOTE_CUSTOMER_HANGUP in the console and in the statistics; ready again brings the next visitor at once', async () => {
    const { page } = alice;
    dana.client.send({ type: 'end', conversationId: dana.conversationId });
    await expect.poll(() => statusShown(page)).toBe('REMOTE_CUSTOMER_HANGUP');
    await page.getByText('The visitor ended this chat.').waitFor();
    expect(await page.locator('.presence').textContent()).toContain('No new chats are offered until you choose Ready.');
    expect((await details()).agStatDetails.find((d) => d.agentID === 'alice@test.parley')?.browserAgentStatus).toBe('REMOTE_CUSTOMER_HANGUP');
    expect(await page.locator('.offer').count()).toBe(0);

    await page.getByRole('button', { name: 'Ready', exact: true }).click();
    await page.locator('.offer .offer-name', { hasText: 'Eve' }).waitFor();
    await page.getByRole('button', { name: 'Accept chat with Eve' }).click();
    await page.getByRole('tab', { name: /Eve/ }).waitFor();
    await expect.poll(() => page.locator('.queue[data-room="GENERAL"] .queue-total').textContent()).toBe('0');
    expect((await eve.client.next('conversation', (f) => f.conversation.status === 'active')).conversation.agentName).toBe('Alice');
  });
});
