import { ConfigFile } from '@parley/shared/settings';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAdmin } from './support/admin-client.js';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { readyConsole } from './support/console-page.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { TEST_PASSWORD, testFile } from './support/test-config.js';
import { startVisitorChat, type VisitorChat } from './support/visitor-chat.js';

/**
 * A first-reply target of 4 seconds, warning at half of it, and an agent quiet for 5 seconds
 * warned and listed for the supervisor: the clocks move within a test.
 */
const file = ConfigFile.parse({
  ...testFile,
  rooms: testFile.rooms.map((room) =>
    room.name === 'GENERAL'
      ? { ...room, serviceLevels: { firstResponseSeconds: 4, warningPercent: 50, agentIdleWarningSeconds: 5, agentIdleSupervisorSeconds: 5 } }
      : room,
  ),
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

  it('turns to warning at half the target and to breached at the target, warns a quiet agent and shows both to the supervisor; the agent’s reply clears them', async () => {
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

    // Quiet for 5 s since the accept: the agent is warned, and the supervisor sees it beside the breach.
    const idle = alice.page.getByRole('alert').filter({ hasText: 'Dana has been waiting for your reply since' });
    await idle.waitFor({ timeout: 8_000 });
    await expect
      .poll(async () => (await admin.get('/api/admin/rooms/GENERAL/supervisor')).body.quietAgents)
      .toEqual([expect.objectContaining({ conversationId: dana.conversationId, agentName: 'Alice' })]);
    const context = await browser.newContext({ bypassCSP: true });
    const supervisor = await context.newPage();
    await supervisor.goto(`${server.http}/admin/`);
    await supervisor.getByLabel('Email').fill('admin@test.parley');
    await supervisor.getByLabel('Password').fill(TEST_PASSWORD);
    await supervisor.getByRole('button', { name: 'Sign in' }).click();
    await supervisor.getByRole('heading', { name: 'Rooms', level: 1 }).waitFor();
    await supervisor.goto(`${server.http}/admin/#rooms/GENERAL/supervisor`);
    await supervisor.getByRole('heading', { name: 'Needs attention (2)' }).waitFor();
    const rows = supervisor.getByRole('table', { name: 'Chats past a response target or with a quiet agent' }).getByRole('row');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/^Agent\s+What$/),
      expect.stringMatching(/^Alice\s+First reply overdue by \d+ s$/),
      expect.stringMatching(/^Alice\s+No reply to the visitor for \d+ s$/),
    ]);
    expect(await axeViolations(supervisor)).toEqual([]);

    await alice.page.getByLabel('Message to Dana').fill('Hello Dana!');
    await alice.page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => chip.count()).toBe(0);
    await idle.waitFor({ state: 'detached' });
    expect((await admin.get('/api/admin/rooms/GENERAL/supervisor')).body.breaches).toEqual([]);
    expect((await admin.get('/api/admin/rooms/GENERAL/supervisor')).body.quietAgents).toEqual([]);
    // The supervisor's view follows within its refresh.
    await supervisor.getByRole('heading', { name: 'Needs attention (0)' }).waitFor({ timeout: 8_000 });
    await context.close();
  });
});
