import { BenchSocket } from './bench-socket.js';
import { FrameInbox } from './frame-inbox.js';
import { parleyAgents, type Target } from './target.js';

/*
 * Parley's protocol as the widget and the console speak it (docs/protocol.md): agents sign in over
 * HTTP and say hello with the token; visitors say hello, start a conversation, and are offered to agents.
 */

export type ParleyAgent = { index: number; id: string; inbox: FrameInbox; socket: BenchSocket };
export type ParleyVisitor = { inbox: FrameInbox; socket: BenchSocket; visitorId: string; token: string; welcome: { [key: string]: any } };

export async function signIn(target: Target, index: number): Promise<string> {
  const { ids, password } = parleyAgents(target);
  const response = await fetch(`${target.agentHttp ?? target.http}/api/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: ids[index], password }),
  });
  if (response.status !== 201) throw new Error(`sign-in of agent ${index} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** An agent signed in, connected and greeted, ready for chats unless `status` says otherwise. */
export async function connectAgent(target: Target, index: number, status: 'WAITING_NEW_CALL' | 'TAKING_BREAK' = 'WAITING_NEW_CALL'): Promise<ParleyAgent> {
  const token = await signIn(target, index);
  const socket = await BenchSocket.open(`${target.agentWs ?? target.ws}/ws/agent`);
  const inbox = new FrameInbox(socket);
  socket.send(JSON.stringify({ type: 'hello', token, client: 'browser', status }));
  await inbox.next('welcome');
  return { index, id: parleyAgents(target).ids[index]!, inbox, socket };
}

/** A visitor connected to `room` and greeted; with `token`, the same visitor as before. */
export async function connectVisitor(target: Target, room: string, token?: string): Promise<ParleyVisitor> {
  const socket = await BenchSocket.open(`${target.ws}/ws/visitor?room=${room}`);
  const inbox = new FrameInbox(socket);
  socket.send(JSON.stringify({ type: 'hello', ...(token ? { token } : {}), context: { url: 'https://shop.example/pricing', title: 'Pricing' } }));
  const welcome = await inbox.next('welcome');
  return { inbox, socket, visitorId: welcome.visitorId as string, token: welcome.token as string, welcome };
}

/** Sends `start` and resolves with the new conversation's id. */
export async function startConversation(visitor: ParleyVisitor, name: string): Promise<string> {
  visitor.socket.send(JSON.stringify({ type: 'start', form: { name } }));
  const frame = await visitor.inbox.next('conversation');
  return frame.conversation.id as string;
}

/** The text frame a party sends; `text` must need no JSON escaping. */
export function parleyMessage(conversationId: string, clientId: string, text: string): string {
  return `{"type":"message","conversationId":"${conversationId}","clientId":"${clientId}","text":"${text}"}`;
}
