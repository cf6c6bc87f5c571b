import { TestClient } from './test-client.js';

/** A real 1×1 PNG, so that a browser can draw it. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export type VisitorContextInput = { url?: string; title?: string; referrer?: string; timeZone?: string; language?: string };

export type VisitorChat = { client: TestClient; token: string; conversationId: string };

/**
 * A visitor through the visitor protocol, as the widget would be: greets with their page's
 * context, starts a chat with welcome-form answers, and is left waiting in the queue.
 */
export async function startVisitorChat(
  base: { ws: string },
  options: { room?: string; form?: Record<string, string | boolean>; context?: VisitorContextInput; headers?: Record<string, string>; token?: string } = {},
): Promise<VisitorChat> {
  const client = await TestClient.connect(`${base.ws}/ws/visitor?room=${options.room ?? 'GENERAL'}`, options.headers ?? {});
  client.send({
    type: 'hello',
    ...(options.token ? { token: options.token } : {}),
    context: options.context ?? { url: 'https://shop.test/pricing', title: 'Pricing' },
  });
  const welcome = await client.next('welcome');
  client.send({ type: 'start', form: options.form ?? {} });
  const started = await client.next('conversation');
  return { client, token: welcome.token as string, conversationId: started.conversation.id as string };
}

/** Sends a visitor message and waits for its ack. */
export async function visitorSays(chat: VisitorChat, clientId: string, text: string): Promise<number> {
  chat.client.send({ type: 'message', conversationId: chat.conversationId, clientId, text });
  return (await chat.client.next('ack', (f) => f.clientId === clientId)).seq as number;
}

/** Uploads a file as the visitor. */
export async function visitorUploads(http: string, chat: VisitorChat, name: string, bytes: Buffer, clientId: string): Promise<Response> {
  return fetch(`${http}/api/conversations/${chat.conversationId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${chat.token}`, 'x-client-id': clientId, 'x-file-name': encodeURIComponent(name) },
    body: new Uint8Array(bytes),
  });
}
