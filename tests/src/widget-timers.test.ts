import { ConfigFile } from '@parley/shared/settings';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../demo/src/demo-site.js';
import { FakeClock } from '../../server/src/core/fake-clock.js';
import { launchBrowser } from './support/browser.js';
import { EMAIL_FROM } from './support/email-rooms.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { STATS_KEY, TEST_PASSWORD_HASH } from './support/test-config.js';
import { axeCheck, launcherOf, messageLines } from './support/widget-page.js';

/** A shop room with a one-minute maximum wait, and a visitor who stays quiet 60 s after the agent wrote is warned, then cut off 30 s later. */
const rooms = ConfigFile.parse({
  rooms: [
    {
      name: 'GENERAL',
      label: 'Shop help',
      statsKey: STATS_KEY,
      whitelistedDomains: ['localhost'],
      welcomeForm: [{ key: 'name', type: 'text', label: 'Your name', rule: 'required' }],
      leaveMessage: true,
      salesLeadAddresses: 'sales@acme.test',
      serviceLevels: { maxWaitSeconds: 60, visitorIdleWarningSeconds: 60, visitorIdleCloseSeconds: 30 },
    },
  ],
  agents: [{ id: 'alice@acme.test', name: 'Alice', passwordHash: TEST_PASSWORD_HASH, rooms: ['GENERAL'] }],
});

/** The room's timers as a visitor meets them, in Chromium against the real server running on a fake clock. */
describe('the maximum wait and visitor inactivity in the widget', () => {
  let browser: Browser;
  let server: TestServer;
  let sink: SmtpSink;
  let site: DemoSite;
  let shop: string;
  const clock = new FakeClock(Date.UTC(2026, 11, 6, 10));

  beforeAll(async () => {
    sink = await startSmtpSink();
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws', file: rooms, clock, env: { SMTP_URL: sink.url, EMAIL_FROM } })]);
    site = await startDemoSite({ parleyUrl: server.http, host: '127.0.0.1', port: 0 });
    shop = `http://localhost:${site.port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.stop();
    await sink?.close();
  });

  async function startChat(name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${shop}/`);
    await launcherOf(page).click();
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.getByText(/Waiting for the next available/).waitFor();
    return page;
  }

  it('offers to leave a message after the maximum wait; "Keep waiting" counts it again; a message left ends the wait', async () => {
    const page = await startChat('Sam');
    const offer = page.getByText('Sorry for the wait. You can leave a message and we will answer by email, or keep waiting.');
    clock.advance(59_000);
    clock.advance(1_000);
    await offer.waitFor();
    expect((await axeCheck(page)).violations).toEqual([]);
    // A choice to make: the chat's own message box is away until they keep waiting.
    expect(await page.getByPlaceholder('Write a message…').count()).toBe(0);

    await page.getByRole('button', { name: 'Keep waiting' }).click();
    await offer.waitFor({ state: 'detached' });
    await page.getByText(/Waiting for the next available/).waitFor();
    await page.getByPlaceholder('Write a message…').waitFor();
    clock.advance(60_000);
    await offer.waitFor();

    await page.getByLabel('Your name').fill('Sam');
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('Message', { exact: true }).fill('Do you rent tandems?');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Thank you, your message was sent. We will answer at sam@example.com.').waitFor();
    await page.getByRole('button', { name: 'Start a new chat' }).waitFor();
    // The outbox runs on the server's clock, which only this test moves.
    await expect
      .poll(() => {
        clock.advance(1_000);
        return sink.to('sales@acme.test').length;
      })
      .toBe(1);
    expect(sink.to('sales@acme.test')[0]?.text).toContain('Do you rent tandems?');
    await page.context().close();
  });

  it('warns a visitor who does not answer the agent, then closes the chat with a note on both sides', async () => {
    const agent = await connectAgent(server, 'alice@acme.test');
    agent.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    const page = await startChat('Dana');
    const { offer } = await agent.client.next('offer', (f) => f.offer.visitor.name === 'Dana');
    agent.client.send({ type: 'accept', conversationId: offer.conversationId });
    await agent.client.next('conversation', (f) => f.conversation.status === 'active');
    agent.client.send({ type: 'message', conversationId: offer.conversationId, clientId: 'alice-1', text: 'Which size do you need?' });
    await expect.poll(async () => (await messageLines(page)).at(-1)).toContain('Which size do you need?');

    clock.advance(60_000);
    await expect.poll(async () => (await messageLines(page)).at(-1)).toBe('Are you still there? This chat closes soon without an answer.');
    await agent.client.next('message', (f) => f.message.kind === 'event' && f.message.event === 'idle-warning');
    clock.advance(30_000);
    await expect.poll(async () => (await messageLines(page)).at(-1)).toBe('This chat closed because there was no answer.');
    await page.getByRole('button', { name: 'Start a new chat' }).waitFor();
    const ended = await agent.client.next('conversation', (f) => f.conversation.status === 'ended');
    expect(ended.conversation.endedBy).toBe('visitor');
    expect((await agent.client.next('status', (f) => f.statuses.browser === 'REMOTE_CUSTOMER_HANGUP')).statuses.browser).toBe('REMOTE_CUSTOMER_HANGUP');
    agent.client.close();
    await page.context().close();
  });

  it('a message left from an agent’s private room after the maximum wait ends that wait too', async () => {
    const visitor = await connectVisitor(server, 'AGENT-ALICE', undefined, { origin: 'http://localhost' });
    visitor.client.send({ type: 'start', form: { name: 'Pia' } });
    const id = (await visitor.client.next('conversation')).conversation.id as string;
    clock.advance(60_000);
    await visitor.client.next('conversation', (f) => f.conversation.waitedTooLong === true);
    visitor.client.send({ type: 'leaveMessage', clientId: 'pia-1', name: 'Pia', email: 'pia@example.com', message: 'Call me back' });
    await visitor.client.next('emailQueued');
    expect((await visitor.client.next('conversation', (f) => f.conversation.id === id && f.conversation.status === 'ended')).conversation.endedBy).toBe(
      'visitor',
    );
    visitor.client.close();
  });
});
