import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type ConsolePage, readyConsole } from './support/console-page.js';
import { EMAIL_FROM, emailRooms } from './support/email-rooms.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { stepsOfOneStory } from './support/story.js';
import { TestClient } from './support/test-client.js';
import { startVisitorChat, type VisitorChat, visitorSays } from './support/visitor-chat.js';
import { messageLines } from './support/widget-page.js';

const NOTE = 'NOTE-7731: customer sounded upset, offer the voucher';

/*
 * Internal notes (issue 14): an agent writes one in the console; it shows there, marked, and
 * after a reload; the visitor gets it by no path: not in a frame on their socket, not in a sync,
 * not in the transcript email, not on the hosted chat page. Their messages' sequence numbers have
 * no gap where the note was written.
 */
describe('internal notes', () => {
  stepsOfOneStory();
  let browser: Browser;
  let server: TestServer;
  let sink: SmtpSink;
  let alice: ConsolePage;
  let dana: VisitorChat;

  beforeAll(async () => {
    sink = await startSmtpSink();
    [browser, server] = await Promise.all([
      launchBrowser(),
      startTestServer({ transport: 'ws', store: 'embedded', file: emailRooms, env: { SMTP_URL: sink.url, EMAIL_FROM, EMAIL_PER_NETWORK_PER_HOUR: '1000' } }),
    ]);
  });
  afterAll(async () => {
    dana?.client.close();
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  it('an agent writes a note in the console: it shows among the messages, marked as internal, and stays after a reload', async () => {
    alice = await readyConsole(browser, server.http, 'alice@acme.test');
    dana = await startVisitorChat(server, { form: { name: 'Dana', email: 'dana@example.com' } });
    await alice.page.getByRole('button', { name: 'Accept chat with Dana' }).click();
    await dana.client.next('conversation', (f) => f.conversation.status === 'active');
    await visitorSays(dana, 'd1', 'My order is late again');
    const box = alice.page.getByLabel('Message to Dana');
    await box.fill(NOTE);
    await alice.page.getByRole('button', { name: 'Add note' }).click();
    const note = alice.page.locator('.message.note');
    await expect.poll(() => note.textContent()).toContain(NOTE);
    expect(await note.textContent()).toContain('Internal note');
    await expect.poll(() => box.inputValue()).toBe('');
    await box.fill('Sorry about that, Dana. Let me check.');
    await alice.page.getByRole('button', { name: 'Send' }).click();
    await dana.client.next('message', (f) => f.message.from === 'agent');

    await alice.page.reload();
    await expect.poll(() => alice.page.locator('.message.note').textContent()).toContain(NOTE);
  });

  it('the visitor gets it by no path: their socket, a sync, the transcript email, the hosted page', async () => {
    const everything = () => JSON.stringify(dana.client.frames);
    expect(everything()).not.toContain('NOTE-7731');
    dana.client.send({ type: 'sync', conversationId: dana.conversationId, afterSeq: 0 });
    const history = await dana.client.next('history');
    expect(JSON.stringify(history)).not.toContain('NOTE-7731');
    // No gap where the note was written: 1, 2, 3...
    const seqs = history.messages.map((m: { seq: number }) => m.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(history.messages.map((m: { text?: string }) => m.text).filter(Boolean)).toEqual(['My order is late again', 'Sorry about that, Dana. Let me check.']);

    // The hosted chat page, as Dana would open it from a link, with her token.
    const context = await browser.newContext({ baseURL: server.http });
    await context.addInitScript(([key, token]) => localStorage.setItem(key!, token!), [`parley:${new URL(server.http).host}:token`, dana.token]);
    const page = await context.newPage();
    await page.goto('/chat/GENERAL');
    await expect.poll(() => messageLines(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('Sorry about that, Dana')]));
    expect((await page.content()) + (await messageLines(page)).join('\n')).not.toContain('NOTE-7731');
    await context.close();

    // A second page of hers, on the socket.
    const again = await TestClient.connect(`${server.ws}/ws/visitor?room=GENERAL`);
    again.send({ type: 'hello', token: dana.token, context: { url: 'https://shop.test/', title: 'Shop' } });
    await again.next('welcome');
    again.send({ type: 'end', conversationId: dana.conversationId });
    await again.next('conversation', (f) => f.conversation.status === 'ended');
    again.send({ type: 'emailTranscript', clientId: 'tr-1', conversationId: dana.conversationId });
    await again.next('emailQueued');
    const [mail] = await sink.waitFor(2);
    const forDana = sink.to('dana@example.com')[0] ?? mail!;
    expect(forDana.text).toContain('Sorry about that, Dana. Let me check.');
    for (const sent of sink.mails) expect(`${sent.text}\n${sent.html}`).not.toContain('NOTE-7731');
    expect(JSON.stringify(again.frames)).not.toContain('NOTE-7731');
    again.close();
  });

  it('after the chat ended, the agent may still add a note; another agent may not', async () => {
    const box = alice.page.getByLabel('Message to Dana');
    await box.fill('Follow-up: voucher sent by post');
    await alice.page.getByRole('button', { name: 'Add note' }).click();
    await expect
      .poll(() => alice.page.locator('.message.note').allTextContents())
      .toEqual([expect.stringContaining(NOTE), expect.stringContaining('Follow-up: voucher sent by post')]);
    const bob = await TestClient.connect(`${server.ws}/ws/agent`);
    const { signIn } = await import('./support/parties.js');
    bob.send({ type: 'hello', token: await signIn(server.http, 'bob@acme.test'), client: 'browser' });
    await bob.next('welcome');
    bob.send({ type: 'note', conversationId: dana.conversationId, clientId: 'bob-1', text: 'not mine to write' });
    expect(await bob.next('error')).toMatchObject({ code: 'NOT_YOUR_CONVERSATION' });
    bob.close();
  });
});
