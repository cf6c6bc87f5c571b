import { TestClient } from './test-client.js';
import { TEST_PASSWORD } from './test-config.js';

export async function signIn(http: string, id: string, password = TEST_PASSWORD): Promise<string> {
  const response = await fetch(`${http}/api/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, password }),
  });
  if (response.status !== 201) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** An agent connected and greeted, ready (WAITING_NEW_CALL) unless told otherwise. */
export async function connectAgent(
  base: { http: string; ws: string },
  id: string,
  options: { client?: 'browser' | 'mobile'; status?: string; token?: string } = {},
) {
  const token = options.token ?? (await signIn(base.http, id));
  const client = await TestClient.connect(`${base.ws}/ws/agent`);
  client.send({ type: 'hello', token, client: options.client ?? 'browser', status: options.status ?? 'WAITING_NEW_CALL' });
  const welcome = await client.next('welcome');
  return { client, token, welcome };
}

/** A visitor connected to a room and greeted; pass the token of an earlier session to resume it. */
export async function connectVisitor(base: { ws: string }, room = 'GENERAL', token?: string, headers: Record<string, string> = {}) {
  const client = await TestClient.connect(`${base.ws}/ws/visitor?room=${room}`, headers);
  client.send({ type: 'hello', ...(token ? { token } : {}), context: { url: 'https://shop.test/pricing', title: 'Pricing' } });
  const welcome = await client.next('welcome');
  return { client, welcome, token: welcome.token as string };
}
