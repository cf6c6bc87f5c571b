import { ConfigFile } from '@parley/shared/settings';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAdmin } from './support/admin-client.js';
import { launchBrowser } from './support/browser.js';
import { readyConsole } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { testFile } from './support/test-config.js';
import { startVisitorChat, type VisitorChat } from './support/visitor-chat.js';

/** A first-reply target of 4 seconds, warning at half of it: the clock moves within a test. */
const file = ConfigFile.parse({
  ...testFile,
  rooms: testFile.rooms.map((room) => (room.name === 'GENERAL' ? { ...room, serviceLevels: { firstResponseSeconds: 4, warningPercent: 50 } } : room)),
});

describe('the response clock in the console, and breaches in the supervisor view', () => {
  let browser: Browser;
  let server: TestServer;
  let dana: VisitorChat;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws', file })]);
  });
  afterAll(async () => {
    dana?.client.close();
    await browser?.close();
    await server?.stop();
  });

  it('turns to warning at half the target and to breached at the target; the agent’s reply stops it', async () => {
    const alice = await readyConsole(browser, server.http, 'alice@test.parley');
    dana = await startVisitorChat(server, { form: { name: 'Dana' } });
    await alice.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    const chip = alice.page.locator('.chat-tab .sla');
    await expect.poll(() => chip.getAttribute('data-sla')).toBe('normal');
    expect(await chip.textContent()).toMatch(/First reply due in [1-5] s/);
    await expect.poll(() => chip.getAttribute('data-sla'), { timeout: 5_000 }).toBe('warning');
    await expect.poll(() => chip.getAttribute('data-sla'), { timeout: 5_000 }).toBe('breached');
    expect(await chip.textContent()).toMatch(/First reply overdue by \d+ s/);

    const admin = await signInAdmin(server.http);
    const view = await admin.get('/api/admin/rooms/GENERAL/supervisor');
    expect(view.body.breaches).toEqual([expect.objectContaining({ conversationId: dana.conversationId, agentName: 'Alice', kind: 'first' })]);

    await alice.page.getByLabel('Message to Dana').fill('Hello Dana!');
    await alice.page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => chip.count()).toBe(0);
    expect((await admin.get('/api/admin/rooms/GENERAL/supervisor')).body.breaches).toEqual([]);
  });
});
