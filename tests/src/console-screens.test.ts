import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { closeScene, consoleScreens, DESKTOP, PHONE, sceneFile, stageConsole } from './support/console-scenes.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

/*
 * Issue 16 item 7: every screen of the agent console at work (wide and phone-sized, light and
 * dark, the settings panel open) passes axe-core, and each shows what it should. Run as
 * `npm run screenshots` (PARLEY_SCREENSHOTS set to a folder), it also photographs the screens
 * the README shows, into docs/screenshots.
 */
const SHOTS = process.env.PARLEY_SCREENSHOTS;
/** The screens worth a picture, and their file names. */
const PICTURES: Record<string, string> = {
  desktop: 'console-desktop.png',
  'desktop-dark': 'console-desktop-dark.png',
  'phone-list': 'console-phone-list.png',
  'phone-chat': 'console-phone-chat.png',
};

async function photograph(page: Page, screen: string): Promise<void> {
  const file = PICTURES[screen];
  if (!SHOTS || !file) return;
  mkdirSync(SHOTS, { recursive: true });
  // The focus ring and the caret belong to the moment, not to the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(SHOTS, file), animations: 'disabled', caret: 'hide' });
}
describe('the agent console, screen by screen', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A server each: one agent's scene never gets another's visitors.
  beforeEach(async () => {
    server = await startTestServer({ transport: 'ws', file: sceneFile });
  });
  afterEach(async () => {
    await server?.stop();
  });

  it('on a wide screen: inbox, chat and details side by side; settings; the dark theme', async () => {
    const scene = await stageConsole(browser, server, 'alice@test.parley', DESKTOP);
    const seen: string[] = [];
    for await (const screen of consoleScreens(scene, false)) {
      seen.push(screen);
      await photograph(scene.page, screen);
      expect({ screen, violations: await axeViolations(scene.page) }).toEqual({ screen, violations: [] });
      const visible = async (selector: string) => scene.page.locator(selector).isVisible();
      expect([await visible('.inbox'), await visible('.chats .chat-view'), await visible('.context')]).toEqual([true, true, true]);
      if (screen === 'desktop-dark') expect(await scene.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
    }
    expect(seen).toEqual(['desktop', 'desktop-settings', 'desktop-dark']);
    // The top bar holds in one line at this width.
    expect(await scene.page.locator('.topbar').evaluate((bar) => bar.getBoundingClientRect().height)).toBeLessThan(64);
    await closeScene(scene);
  });

  it('on a phone: the list, the chat and the details are screens of their own', async () => {
    const scene = await stageConsole(browser, server, 'bob@test.parley', PHONE);
    const shown = async () => {
      const visible = async (selector: string) => scene.page.locator(selector).isVisible();
      return { list: await visible('.inbox'), chat: await visible('.chats'), details: await visible('.context') };
    };
    const expected: Record<string, { list: boolean; chat: boolean; details: boolean }> = {
      'phone-chat': { list: false, chat: true, details: false },
      'phone-list': { list: true, chat: false, details: false },
      'phone-details': { list: false, chat: false, details: true },
    };
    for await (const screen of consoleScreens(scene, true)) {
      expect({ screen, shown: await shown() }).toEqual({ screen, shown: expected[screen] });
      // From a chat, the way back says a visitor is waiting to be accepted.
      if (screen === 'phone-chat') expect(await scene.page.getByRole('button', { name: /All chats.*1 incoming/ }).isVisible()).toBe(true);
      await photograph(scene.page, screen);
      expect({ screen, violations: await axeViolations(scene.page) }).toEqual({ screen, violations: [] });
      // Nothing wider than the phone.
      expect(await scene.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    }
    await closeScene(scene);
  });
});
