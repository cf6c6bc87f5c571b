import type { ConnectionState } from '@parley/shared/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from './test-config.js';

export type ConsolePage = { context: BrowserContext; page: Page };

/** Phone-sized viewport: the console signs in as the mobile client. */
export const PHONE = { width: 390, height: 844 };

/**
 * Counts the ring tone's notes: Web Audio oscillators started in the page. Installed before the
 * console loads, from outside it, so the console carries no test hooks.
 */
const COUNT_CHIMES = () => {
  const target = window as unknown as { __chimes: number };
  target.__chimes = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
    target.__chimes++;
    return start.apply(this, args);
  };
};

/** A fresh browser context on the console's sign-in page. */
export async function openConsole(
  browser: Browser,
  http: string,
  options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    baseURL: http,
    bypassCSP: options.bypassCSP ?? false,
  });
  // Fail within the test's own time limit, with Playwright's account of what it waited for.
  context.setDefaultTimeout(10_000);
  await context.addInitScript(COUNT_CHIMES);
  const page = await context.newPage();
  await page.goto('/agent/');
  return { context, page };
}

/** Signs in through the form and waits for the console to be connected. */
export async function signInAs(page: Page, id: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(id);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await connection(page, 'ready');
}

/** Waits until the console's connection is in this state (the banner is empty, so hidden, while ready). */
export function connection(page: Page, state: ConnectionState): Promise<void> {
  return page.locator(`[data-connection="${state}"]`).waitFor({ state: 'attached' });
}

/** Opens a console, signs in and says ready. */
export async function readyConsole(browser: Browser, http: string, id: string, options: Parameters<typeof openConsole>[2] = {}): Promise<ConsolePage> {
  const opened = await openConsole(browser, http, options);
  await signInAs(opened.page, id);
  await opened.page.getByRole('button', { name: 'Ready', exact: true }).click();
  await expect.poll(() => statusShown(opened.page)).toBe('WAITING_NEW_CALL');
  return opened;
}

/** Opens the console's settings panel (ringing, email alerts, theme, shortcuts, sign out), if it is closed. */
export async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** The agent status the console shows for its own client (the server's code). */
export function statusShown(page: Page): Promise<string | null> {
  return page.locator('.presence [data-status]').getAttribute('data-status');
}

export function chimes(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __chimes: number }).__chimes);
}

/** The text of every stored message in the shown chat, in order, with its seq. */
export function shownMessages(page: Page): Promise<{ seq: number; text: string }[]> {
  return page.locator('.chat-view .messages li[data-seq]').evaluateAll((items) =>
    items.map((item) => ({
      seq: Number(item.getAttribute('data-seq')),
      // A text's words, a file's name, or an event's sentence.
      text: (item.querySelector('.message-text') ?? item.querySelector('.file-name') ?? item.querySelector('span'))?.textContent ?? '',
    })),
  );
}
