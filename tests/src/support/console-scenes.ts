import { ConfigFile } from '@parley/shared/settings';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ConsolePage, openSettings, PHONE, readyConsole } from './console-page.js';
import type { TestServer } from './in-process-server.js';
import { solidPng } from './png.js';
import { testFile } from './test-config.js';
import { startVisitorChat, type VisitorChat, visitorSays, visitorUploads } from './visitor-chat.js';

/*
 * The agent console at work, as the screenshots in docs/ show it and as the accessibility check
 * walks it: a shop's room with room for three chats each and a first-reply target, an agent with
 * two chats (one with a picture, one unread) and a visitor waiting. Used by
 * tests/src/console-screens.test.ts and scripts/console-screenshots.ts.
 */

export const DESKTOP = { width: 1366, height: 768 };
export { PHONE };

export const sceneFile = ConfigFile.parse({
  ...testFile,
  rooms: testFile.rooms.map((room) =>
    room.name === 'GENERAL'
      ? { ...room, label: 'Shop help', capacityPerAgent: 3, serviceLevels: { firstResponseSeconds: 300 }, resultCodes: ['Sale', 'Refund', 'No answer'] }
      : room,
  ),
});

export type Scene = ConsolePage & { visitors: VisitorChat[] };

/** Signs `agentId` in at this size, and fills their console: two chats and an offer. */
export async function stageConsole(browser: Browser, server: TestServer, agentId: string, viewport: { width: number; height: number }): Promise<Scene> {
  const page = await readyConsole(browser, server.http, agentId, { viewport, bypassCSP: true });
  const visitors: VisitorChat[] = [];
  const visitor = async (name: string, email: string, order: string, title: string) => {
    const chat = await startVisitorChat(server, {
      form: { name, email, order },
      context: { url: `https://shop.example/${title.toLowerCase().replace(/\W+/g, '-')}`, title, timeZone: 'Europe/Paris', language: 'fr-FR' },
    });
    visitors.push(chat);
    return chat;
  };

  // On a phone the inbox is a screen of its own: back to it before using it.
  const toList = async () => {
    const back = page.page.getByRole('button', { name: /All chats/ });
    if (await back.isVisible()) await back.click();
  };

  const dana = await visitor('Dana Scully', 'dana@example.com', 'A-1042', 'Order status');
  await page.page.getByRole('button', { name: 'Accept chat with Dana Scully' }).click();
  await dana.client.next('conversation', (f) => f.conversation.status === 'active');
  await visitorSays(dana, 'd1', 'Hi! My order A-1042 has not arrived yet. It was due on Tuesday.');
  await page.page.getByLabel('Message to Dana Scully').fill('Sorry to hear that, Dana. Let me look it up for you.');
  await page.page.getByRole('button', { name: 'Send', exact: true }).click();
  await dana.client.next('message', (f) => f.message.from === 'agent');
  expect((await visitorUploads(server.http, dana, 'parcel-label.png', solidPng(360, 200, [236, 214, 170]), 'd-photo')).status).toBe(201);
  await visitorSays(dana, 'd2', 'This is the label on the parcel I was sent for the first half.');

  await page.page.getByRole('button', { name: 'Ready', exact: true }).click();
  const eve = await visitor('Eve Moreau', 'eve@example.com', 'B-2210', 'Returns');
  await toList();
  await page.page.getByRole('button', { name: 'Accept chat with Eve Moreau' }).click();
  await eve.client.next('conversation', (f) => f.conversation.status === 'active');
  await page.page.getByRole('heading', { name: 'Chat with Eve Moreau' }).waitFor();
  await toList();
  await page.page.getByRole('tab', { name: /^Dana Scully/ }).click();
  await visitorSays(eve, 'e1', 'Can I return shoes bought in the sale?');

  await page.page.getByRole('button', { name: 'Ready', exact: true }).click();
  await visitor('Sam Rider', 'sam@example.com', 'C-3307', 'Bikes');
  await page.page.locator('.offer .offer-name', { hasText: 'Sam Rider' }).waitFor({ state: 'attached' });
  await page.page.locator('.unread').waitFor({ state: 'attached' });
  await page.page.getByRole('img', { name: 'parcel-label.png' }).waitFor();
  return { ...page, visitors };
}

/** The screens of a staged console, each made current in turn: the caller looks at each (axe, a screenshot). */
export async function* consoleScreens(scene: Scene, phone: boolean): AsyncGenerator<string> {
  const { page } = scene;
  if (!phone) {
    yield 'desktop';
    await openSettings(page);
    yield 'desktop-settings';
    await page.getByLabel('Theme').selectOption('dark');
    await page.keyboard.press('Escape');
    yield 'desktop-dark';
    await openSettings(page);
    await page.getByLabel('Theme').selectOption('auto');
    await page.keyboard.press('Escape');
    return;
  }
  yield 'phone-chat';
  await page.getByRole('button', { name: /All chats/ }).click();
  yield 'phone-list';
  await page.getByRole('tab', { name: /^Dana Scully/ }).click();
  await page.getByRole('button', { name: 'Visitor details' }).click();
  yield 'phone-details';
  await page.getByRole('button', { name: 'Back to the chat' }).click();
}

/** Closes what a scene opened. */
export async function closeScene(scene: Scene): Promise<void> {
  for (const visitor of scene.visitors) visitor.client.close();
  await scene.context.close();
}

export type { Page };
