import { ConfigFile } from '@parley/shared/settings';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAdmin } from './support/admin-client.js';
import { launchBrowser } from './support/browser.js';
import { type ConsolePage, readyConsole } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { stepsOfOneStory } from './support/story.js';
import { testFile } from './support/test-config.js';
import { startVisitorChat, type VisitorChat } from './support/visitor-chat.js';

/** The test rooms, GENERAL with canned replies, and Alice with one of her own that replaces the room's /hi. */
const file = ConfigFile.parse({
  ...testFile,
  rooms: testFile.rooms.map((room) =>
    room.name === 'GENERAL'
      ? {
          ...room,
          cannedReplies: [
            { shortcut: 'refund', text: 'Hello {visitor.name}, the refund for order {form.order} is on its way. {agent.name}' },
            { shortcut: 'refund-late', text: 'Sorry for the wait, {visitor.name}.' },
            { shortcut: 'hi', text: 'Hello from the room' },
          ],
        }
      : room,
  ),
  agents: testFile.agents.map((agent) =>
    agent.id === 'alice@test.parley' ? { ...agent, cannedReplies: [{ shortcut: 'hi', text: 'Hi, {visitor.name}! Alice here.' }] } : agent,
  ),
});

describe('canned replies in the agent console', () => {
  stepsOfOneStory();
  let browser: Browser;
  let server: TestServer;
  let alice: ConsolePage;
  let dana: VisitorChat;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws', file })]);
  });
  afterAll(async () => {
    dana?.client.close();
    await browser?.close();
    await server?.stop();
  });

  it('"/refund" then Tab puts the reply in the box, variables filled in, and only Send sends it', async () => {
    alice = await readyConsole(browser, server.http, 'alice@test.parley');
    dana = await startVisitorChat(server, { form: { name: 'Dana Scully', order: 'A-1042' } });
    await alice.page.getByRole('button', { name: 'Accept chat with Dana Scully' }).click();
    await dana.client.next('conversation', (f) => f.conversation.status === 'active');
    const box = alice.page.getByLabel('Message to Dana Scully');
    await box.fill('/ref');
    const listed = alice.page.locator('.canned-shortcut');
    // The room's replies that start so, in the room's order; the one named exactly comes first.
    await expect.poll(() => listed.allTextContents()).toEqual(['/refund', '/refund-late']);
    await box.fill('/refund-');
    await expect.poll(() => listed.allTextContents()).toEqual(['/refund-late']);
    await box.fill('/refund');
    await box.press('Tab');
    await expect.poll(() => box.inputValue()).toBe('Hello Dana Scully, the refund for order A-1042 is on its way. Alice');
    await expect(listed.count()).resolves.toBe(0);
    // Nothing reached the visitor yet: the next message Dana gets is the one sent now.
    await alice.page.getByRole('button', { name: 'Send' }).click();
    const received = await dana.client.next('message', (f) => f.message.from === 'agent');
    expect(received.message.text).toBe('Hello Dana Scully, the refund for order A-1042 is on its way. Alice');
    await expect.poll(() => box.inputValue()).toBe('');
  });

  it("takes the agent's own reply over the room's of the same shortcut, and a click works like Tab", async () => {
    const box = alice.page.getByLabel('Message to Dana Scully');
    await box.fill('/hi');
    await alice.page.locator('.canned-reply').first().click();
    await expect.poll(() => box.inputValue()).toBe('Hi, Dana Scully! Alice here.');
  });

  it("a room's replies changed by an admin reach the console without a reconnect", async () => {
    const admin = await signInAdmin(server.http);
    const { body: room } = await admin.get('/api/admin/rooms/GENERAL');
    const saved = await admin.put('/api/admin/rooms/GENERAL', {
      version: room.version,
      room: { ...room.room, cannedReplies: [{ shortcut: 'thanks', text: 'Thank you, {visitor.name}.' }] },
    });
    expect(saved.status).toBe(200);
    const box = alice.page.getByLabel('Message to Dana Scully');
    await box.fill('/th');
    await expect.poll(() => alice.page.locator('.canned-shortcut').allTextContents()).toEqual(['/thanks']);
    await box.press('Tab');
    await expect.poll(() => box.inputValue()).toBe('Thank you, Dana Scully.');
    // A bad shortcut is refused with where and why, and nothing changes.
    const { body: now } = await admin.get('/api/admin/rooms/GENERAL');
    const refused = await admin.put('/api/admin/rooms/GENERAL', {
      version: now.version,
      room: { ...now.room, cannedReplies: [{ shortcut: 'Bad Name', text: 'x' }] },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('cannedReplies');
  });
});
