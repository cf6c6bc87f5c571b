import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../demo/src/demo-site.js';
import { signInAdmin } from './support/admin-client.js';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { readyConsole, statusShown } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectVisitor } from './support/parties.js';
import { stepsOfOneStory } from './support/story.js';
import { STATS_KEY, TEST_PASSWORD, testFile } from './support/test-config.js';
import { launcherOf } from './support/widget-page.js';
import { widgetRooms } from './support/widget-rooms.js';

/** Presses Tab until the focused element's text or label matches `name`: how a keyboard user gets there. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return `${element?.getAttribute('aria-label') ?? ''} ${element?.labels?.[0]?.textContent ?? ''} ${element?.textContent ?? ''}`;
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The widget's header text, wherever it is drawn (a page's widget or the console's preview). */
const headerOf = (page: Page, scope = 'parley-widget') => page.locator(scope).getByRole('heading', { level: 2 }).first().textContent();

/**
 * A site owner in the admin console, against a real server in Chromium, while a visitor's widget
 * is open on the demo shop (another origin) and an agent works in the agent console: every change
 * reaches them at once, and neither reconnects.
 */
describe('the admin console', () => {
  stepsOfOneStory();
  let browser: Browser;
  let server: TestServer;
  let site: DemoSite;
  let shop: string;
  let admin: Page;
  let visitor: Page;
  let agentConsole: Page;
  const sockets = new Map<Page, number>();
  const contexts: BrowserContext[] = [];

  const newPage = async (options: { bypassCSP?: boolean } = {}) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: options.bypassCSP ?? false });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    sockets.set(page, 0);
    page.on('websocket', () => sockets.set(page, (sockets.get(page) ?? 0) + 1));
    return page;
  };
  const save = async (page: Page) => {
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws', file: { ...widgetRooms, admins: testFile.admins } })]);
    site = await startDemoSite({ parleyUrl: server.http, host: '127.0.0.1', port: 0 });
    shop = `http://localhost:${site.port}`;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
    await server?.stop();
  });

  it('signs an admin in and moves around from the keyboard alone; axe finds nothing on any screen', async () => {
    visitor = await newPage();
    await visitor.goto(`${shop}/`);
    await launcherOf(visitor).click();
    await visitor.getByLabel('Your name').waitFor();
    agentConsole = (await readyConsole(browser, server.http, 'alice@test.parley')).page;
    // Its socket is open by now: any other would be a reconnect.
    sockets.set(agentConsole, 1);
    agentConsole.on('websocket', () => sockets.set(agentConsole, (sockets.get(agentConsole) ?? 0) + 1));

    admin = await newPage({ bypassCSP: true });
    await admin.goto(`${server.http}/admin/`);
    expect(await axeViolations(admin)).toEqual([]);
    await tabTo(admin, /Email/);
    await admin.keyboard.type('admin@test.parley');
    await admin.keyboard.press('Tab');
    await admin.keyboard.type(TEST_PASSWORD);
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { name: 'Rooms', level: 1 }).waitFor();
    await tabTo(admin, /Agents/);
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();

    const screens = ['#rooms', '#agents', '#agents/alice@test.parley', '#admins', '#profile'];
    for (const tab of ['general', 'assignment', 'interactions', 'domains', 'form', 'theme', 'availability', 'embed', 'supervisor', 'audit'])
      screens.push(`#rooms/GENERAL/${tab}`);
    for (const screen of screens) {
      await admin.goto(`${server.http}/admin/${screen}`);
      await admin.locator('main h1').waitFor();
      await admin.waitForLoadState('networkidle');
      expect({ screen, violations: await axeViolations(admin) }).toEqual({ screen, violations: [] });
    }
  });

  it('changes the main colour and header: the preview follows as they type, and the widget open on the shop shows them without a reload', async () => {
    await admin.goto(`${server.http}/admin/#rooms/GENERAL/theme`);
    await admin.getByLabel('Main colour (launcher, header, buttons)', { exact: true }).fill('#aa2200');
    await admin.getByLabel('Header', { exact: true }).fill('Ride with us');
    await expect.poll(() => headerOf(admin, '[data-testid=widget-preview]')).toBe('Ride with us');
    await save(admin);
    await expect.poll(() => headerOf(visitor)).toBe('Ride with us');
    const launcherColour = () => launcherOf(visitor).evaluate((button) => getComputedStyle(button).backgroundColor);
    await expect.poll(launcherColour).toBe('rgb(170, 34, 0)');
  });

  it('adds a required "Order number" field: the open widget asks for it, and the server refuses a start without it', async () => {
    await admin.goto(`${server.http}/admin/#rooms/GENERAL/form`);
    await admin.getByRole('button', { name: 'Add a field' }).click();
    const added = admin.locator('.form-field').last();
    await added.getByLabel('Label', { exact: true }).fill('Order number');
    await added.getByLabel(/^Key/).fill('order');
    await added.getByLabel('Rule').selectOption('required');
    // Moved up by keyboard, above the hidden customer number.
    await added.getByRole('button', { name: 'Move up: Order number' }).focus();
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.locator('.form-field legend').last().textContent()).toBe('Field 8: Customer number');
    await save(admin);

    await visitor.getByLabel('Order number').waitFor();
    const raw = await connectVisitor(server, 'GENERAL', undefined, { origin: shop });
    raw.client.send({ type: 'start', form: { name: 'Dana', email: 'dana@example.com', terms: true } });
    expect(await raw.client.next('error')).toMatchObject({ code: 'FORM_INVALID' });
    raw.client.socket.close();
  });

  it('removes the shop from the allowed domains: its next page load gets no widget', async () => {
    await admin.goto(`${server.http}/admin/#rooms/GENERAL/domains`);
    await admin.getByLabel('Domains, one a line').fill('www.acme.example');
    await save(admin);
    const page = await newPage();
    // The loader asks for the room's settings and is refused (without CORS, so its scripts cannot even read why).
    const asked = new Promise<void>((resolve) => {
      const done = (request: { url(): string }) => request.url().includes('/api/rooms/GENERAL/widget') && resolve();
      page.on('requestfinished', done);
      page.on('requestfailed', done);
    });
    await page.goto(`${shop}/`);
    await asked;
    await page.waitForLoadState('networkidle');
    expect(await page.locator('parley-widget').count()).toBe(0);
    const answer = await fetch(`${server.http}/api/rooms/GENERAL/widget`, { headers: { origin: shop } });
    expect(answer.status).toBe(403);
  });

  it('creates an agent with an invite link, who sets a password, signs in to the agent console and takes a chat', async () => {
    await admin.goto(`${server.http}/admin/#agents`);
    await admin.getByLabel('Email').fill('dora@test.parley');
    await admin.getByLabel('Name', { exact: true }).fill('Dora');
    await admin.getByRole('checkbox', { name: 'Shop help' }).check();
    await admin.getByRole('button', { name: 'Create and get an invite link' }).click();
    const link = await admin.getByLabel('Invite link for Dora').inputValue();
    const token = link.split('#invite=')[1]!;

    const dora = await newPage();
    await dora.goto(`${server.http}/agent/#invite=${token}`);
    await dora.getByText('Dora (dora@test.parley)').waitFor();
    await dora.getByLabel('New password').fill('a new password for dora');
    await dora.getByRole('button', { name: 'Set password and sign in' }).click();
    await dora.getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => statusShown(dora)).toBe('WAITING_NEW_CALL');

    const raw = await connectVisitor(server, 'GENERAL', undefined, { origin: `${server.http}` });
    raw.client.send({ type: 'start', form: { name: 'Erin', email: 'erin@example.com', terms: true, order: 'A-1001' } });
    await dora.getByRole('button', { name: 'Accept chat with Erin' }).click();
    await raw.client.next('conversation', (f) => f.conversation.status === 'active' && f.conversation.agentName === 'Dora');
    raw.client.socket.close();
  });

  it('rotates the statistics key: the old key gets 401 at once', async () => {
    const details = (key: string) => fetch(`${server.http}/api/rooms/GENERAL/stats/details?key=${key}`).then((r) => r.status);
    expect(await details(STATS_KEY)).toBe(200);
    await admin.goto(`${server.http}/admin/#rooms/GENERAL/embed`);
    await admin.getByRole('button', { name: 'Make a new statistics key' }).click();
    await admin.getByText('A new key is in force').first().waitFor();
    expect(await details(STATS_KEY)).toBe(401);
    const url = await admin.getByLabel('Details').inputValue();
    expect(await details(new URL(url).searchParams.get('key')!)).toBe(200);
  });

  it('two admins edit the same room: the second save is refused, the console shows whose changes are whose, and keeps both', async () => {
    const other = await newPage();
    await other.goto(`${server.http}/admin/`);
    await other.getByLabel('Email').fill('admin@test.parley');
    await other.getByLabel('Password').fill(TEST_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('heading', { name: 'Rooms', level: 1 }).waitFor();
    await other.goto(`${server.http}/admin/#rooms/GENERAL/general`);
    await admin.goto(`${server.http}/admin/#rooms/GENERAL/general`);
    await admin.getByLabel('Label', { exact: true }).fill('Bike help');
    await other.getByLabel('Hide what visitors type from agents until they send it').check();
    await save(admin);

    await other.getByRole('button', { name: 'Save changes' }).click();
    const conflict = other.getByRole('alert').filter({ hasText: 'Someone else saved this while you were editing' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('They changed: label');
    await other.getByRole('button', { name: 'Keep my changes on top of theirs' }).click();
    await save(other);
    const { body } = await (await signInAdmin(server.http)).get('/api/admin/rooms/GENERAL');
    expect(body.room).toMatchObject({ label: 'Bike help', hideTypingPreview: true });
  });

  it('the widget and the agent console kept working through all of it, on the sockets they opened first', async () => {
    expect(sockets.get(visitor)).toBe(1);
    expect(sockets.get(agentConsole)).toBe(1);
    expect(await agentConsole.locator('[data-connection]').getAttribute('data-connection')).toBe('ready');
    expect(await statusShown(agentConsole)).toBe('WAITING_NEW_CALL');
    expect(await headerOf(visitor)).toBe('Ride with us');
  });
});
