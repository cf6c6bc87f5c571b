import { ConfigFile } from '@parley/shared/settings';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../demo/src/demo-site.js';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { openConsole, openSettings, signInAs } from './support/console-page.js';
import { EMAIL_FROM } from './support/email-rooms.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent } from './support/parties.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { stepsOfOneStory } from './support/story.js';
import { STATS_KEY, TEST_PASSWORD_HASH } from './support/test-config.js';
import { axeCheck, launcherOf, messageLines } from './support/widget-page.js';

/** The demo shop's room, open while an agent is ready, taking messages otherwise. */
const rooms = ConfigFile.parse({
  publicProfile: { companyName: 'Acme Bikes', contactEmail: 'hello@acme.test' },
  rooms: [
    {
      name: 'GENERAL',
      label: 'Shop help',
      statsKey: STATS_KEY,
      whitelistedDomains: ['localhost'],
      welcomeForm: [
        { key: 'name', type: 'text', label: 'Your name', rule: 'required' },
        { key: 'email', type: 'email', label: 'Email', rule: 'optional' },
      ],
      availability: { rules: [{ type: 'readyAgents', atLeast: 1 }] },
      leaveMessage: true,
      salesLeadAddresses: 'sales@acme.test; boss@acme.test',
      emailTranscript: true,
      emailAlert: true,
    },
  ],
  agents: [
    { id: 'alice@acme.test', name: 'Alice', passwordHash: TEST_PASSWORD_HASH, rooms: ['GENERAL'] },
    { id: 'bob@acme.test', name: 'Bob', passwordHash: TEST_PASSWORD_HASH, rooms: ['GENERAL'] },
  ],
});

/**
 * Email from the visitor's and the agent's screens, in Chromium against the real server and a
 * real SMTP listener: a message left on the demo shop while nobody is ready, an agent's alert
 * setting in the console, and a transcript asked for at the end of a chat.
 */
describe('email in the widget and the console', () => {
  let browser: Browser;
  let server: TestServer;
  let sink: SmtpSink;
  let site: DemoSite;
  let shop: string;
  stepsOfOneStory();

  beforeAll(async () => {
    sink = await startSmtpSink();
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws', file: rooms, env: { SMTP_URL: sink.url, EMAIL_FROM } })]);
    site = await startDemoSite({ parleyUrl: server.http, host: '127.0.0.1', port: 0 });
    shop = `http://localhost:${site.port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.stop();
    await sink?.close();
  });

  async function shopPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${shop}/`);
    return page;
  }

  it('with no agent ready, the shop still shows the launcher, and a visitor leaves a message that reaches both sales addresses', async () => {
    const page = await shopPage();
    await launcherOf(page).click();
    await page.getByText('No one is available to chat right now. Leave a message and we will answer by email.').waitFor();
    const form = await axeCheck(page);
    expect(form.violations).toEqual([]);

    await page.getByLabel('Your name').fill('Sam <Rider>');
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('Message').fill('Do you rent tandems?');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Thank you, your message was sent. We will answer at sam@example.com.').waitFor();

    await sink.waitFor(3);
    for (const address of ['sales@acme.test', 'boss@acme.test']) {
      const [lead] = sink.to(address);
      expect(lead?.header('subject')).toBe('Message from Sam <Rider> (Shop help)');
      expect(lead?.text).toContain('Do you rent tandems?');
    }
    expect(sink.to('sam@example.com')).toHaveLength(1);
    await page.context().close();
  });

  it('an agent turns email alerts on in the console; the server keeps it across a reload', async () => {
    const { context, page } = await openConsole(browser, server.http, { bypassCSP: true });
    await signInAs(page, 'alice@acme.test');
    await openSettings(page);
    const toggle = page.getByRole('checkbox', { name: 'Email me when a visitor asks for an alert' });
    expect(await toggle.isChecked()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.reload();
    await openSettings(page);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Email me when a visitor asks for an alert' }).isChecked()).toBe(true);
    await context.close();
  });

  it('at the end of a chat the visitor asks for the transcript, prefilled with the welcome form’s address', async () => {
    const agent = await connectAgent(server, 'bob@acme.test');
    const page = await shopPage();
    await launcherOf(page).click();
    await page.getByLabel('Your name').fill('Dana');
    await page.getByLabel('Email').fill('dana@example.com');
    await page.getByRole('button', { name: 'Start chat' }).click();
    const { offer } = await agent.client.next('offer');
    agent.client.send({ type: 'accept', conversationId: offer.conversationId });
    agent.client.send({ type: 'message', conversationId: offer.conversationId, clientId: 'bob-1', text: 'Hi Dana, how can I help?' });
    await expect.poll(async () => (await messageLines(page)).at(-1)).toContain('Hi Dana, how can I help?');
    await page.getByLabel('Message', { exact: true }).fill('Just checking the transcript.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await agent.client.next('message', (f) => f.message.from === 'visitor');
    agent.client.send({ type: 'end', conversationId: offer.conversationId });

    await page.getByRole('button', { name: 'Email me the transcript' }).click();
    const address = page.getByLabel('Your email address');
    expect(await address.inputValue()).toBe('dana@example.com');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('The transcript is on its way to dana@example.com.').waitFor();
    expect((await axeCheck(page)).violations).toEqual([]);

    await expect.poll(() => sink.to('dana@example.com').length).toBe(1);
    const [transcript] = sink.to('dana@example.com');
    const lines = transcript!
      .text!.split('\n')
      .filter((line) => line.startsWith('['))
      .map((line) => line.replace(/^\[[^\]]+\] /, ''));
    expect(lines).toEqual(['Bob joined the chat.', 'Bob: Hi Dana, how can I help?', 'Dana: Just checking the transcript.', 'Bob ended the chat.']);
    agent.client.close();
    await page.context().close();
  });
});
