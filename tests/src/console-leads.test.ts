import { ConfigFile } from '@parley/shared/settings';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { type ConsolePage, readyConsole } from './support/console-page.js';
import { EMAIL_FROM, emailRooms } from './support/email-rooms.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { connectAgent } from './support/parties.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { stepsOfOneStory } from './support/story.js';
import { startVisitorChat, type VisitorChat, visitorSays } from './support/visitor-chat.js';

/** The shop's room with seed 004's CRM selection list and a result code plan. */
const file = ConfigFile.parse({
  ...emailRooms,
  rooms: emailRooms.rooms.map((room) =>
    room.name === 'GENERAL'
      ? {
          ...room,
          resultCodes: ['Sale', 'No sale'],
          crmSelection: [
            { label: 'Primary', email: 'primary@crm.test' },
            { label: 'Billing', email: 'billing@crm.test' },
          ],
        }
      : room,
  ),
});

const NOTE = 'Customer seemed annoyed, go easy';

/*
 * Issue 14, seed 004: after a chat its agent sends it as a lead to one address of the room's CRM
 * selection list (or Do Not Send), as plain text and ADF, to a real SMTP listener.
 */
describe('sending a chat as a CRM lead from the console', () => {
  stepsOfOneStory();
  let browser: Browser;
  let server: TestServer;
  let sink: SmtpSink;
  let alice: ConsolePage;
  let dana: VisitorChat;

  beforeAll(async () => {
    sink = await startSmtpSink();
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'ws', file, env: { SMTP_URL: sink.url, EMAIL_FROM } })]);
  });
  afterAll(async () => {
    dana?.client.close();
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  it('after the chat the agent picks Billing: the lead goes there as text and as ADF, with the conversation and result, without the internal note', async () => {
    alice = await readyConsole(browser, server.http, 'alice@acme.test');
    dana = await startVisitorChat(server, { form: { name: 'Dana', email: 'dana@example.com' } });
    await alice.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    await dana.client.next('conversation', (f) => f.conversation.status === 'active');
    await visitorSays(dana, 'd1', 'I would like two tandems for Saturday');
    const box = alice.page.getByLabel('Message to Dana');
    await box.fill(NOTE);
    await alice.page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => alice.page.locator('.message.note').textContent()).toContain(NOTE);
    await box.fill('Booked, see you Saturday!');
    await alice.page.getByRole('button', { name: 'Send' }).click();
    await dana.client.next('message', (f) => f.message.from === 'agent');
    await alice.page.getByRole('button', { name: 'End chat' }).click();
    await alice.page.getByRole('button', { name: 'Yes, end chat' }).click();
    await alice.page.getByRole('combobox', { name: 'Result of this chat' }).selectOption('Sale');
    await alice.page.getByRole('button', { name: 'Save result' }).click();
    await alice.page.getByText('Result: Sale').waitFor();

    const choice = alice.page.getByRole('combobox', { name: 'Send this chat as a lead to' });
    expect(await choice.locator('option').allInnerTexts()).toEqual(['Do Not Send', 'Primary (primary@crm.test)', 'Billing (billing@crm.test)']);
    expect(await axeViolations(alice.page)).toEqual([]);
    await choice.selectOption('billing@crm.test');
    await alice.page.getByRole('button', { name: 'Send lead' }).click();
    await alice.page.getByText('Lead sent to Billing.').waitFor();

    await expect.poll(() => sink.to('billing@crm.test').length, { timeout: 10_000 }).toBe(2);
    const [plain, adf] = [...sink.to('billing@crm.test')].sort((a, b) => Number(a.text?.includes('<?adf')) - Number(b.text?.includes('<?adf')));
    expect(plain?.header('subject')).toBe('Chat lead: Dana (Shop help)');
    expect(plain?.text).toContain('Dana: I would like two tandems for Saturday');
    expect(plain?.text).toContain('Booked, see you Saturday!');
    expect(plain?.text).toContain('Result: Sale');
    expect(plain?.html).toContain('Booked, see you Saturday!');
    expect(adf?.text).toContain('<?adf version="1.0"?>');
    expect(adf?.text).toContain('<email>dana@example.com</email>');
    expect(adf?.text).toContain('Result: Sale');
    for (const mail of [plain, adf]) {
      expect(mail?.text).not.toContain(NOTE);
      expect(mail?.html ?? '').not.toContain(NOTE);
    }
    expect(sink.to('primary@crm.test')).toEqual([]);
    expect((await server.store.conversations.get(dana.conversationId))?.lead).toMatchObject({ to: 'billing@crm.test', label: 'Billing' });

    // Decided once: a second choice is refused.
    const agent = await connectAgent(server, 'alice@acme.test');
    agent.client.send({ type: 'lead', conversationId: dana.conversationId, to: 'primary@crm.test' });
    expect((await agent.client.next('error')).message).toContain('already decided');
    agent.client.close();
  });

  it('"Do Not Send" is recorded and sends nothing; an address not on the list is refused', async () => {
    const sam = await startVisitorChat(server, { form: { name: 'Sam' } });
    await alice.page.getByRole('button', { name: 'Ready', exact: true }).click();
    await alice.page.getByRole('button', { name: 'Accept chat with Sam' }).click();
    await sam.client.next('conversation', (f) => f.conversation.status === 'active');
    sam.client.send({ type: 'end', conversationId: sam.conversationId });
    await sam.client.next('conversation', (f) => f.conversation.status === 'ended');

    const agent = await connectAgent(server, 'alice@acme.test');
    agent.client.send({ type: 'lead', conversationId: sam.conversationId, to: 'someone@elsewhere.test' });
    expect((await agent.client.next('error')).message).toContain('CRM list');
    agent.client.close();

    const before = sink.mails.length;
    await alice.page.getByRole('tab', { name: /Sam/ }).click();
    await alice.page.getByRole('button', { name: 'Do not send' }).click();
    await alice.page.getByText('Lead not sent.').waitFor();
    expect((await server.store.conversations.get(sam.conversationId))?.lead).toMatchObject({ to: null, label: null });
    expect(sink.mails.length).toBe(before);
    sam.client.close();
  });
});
