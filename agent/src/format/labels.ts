import type { AgentStatus, ConversationEvent, EventMessage } from '@parley/shared';

/** The name shown for a visitor: their welcome-form name, else a neutral word. */
export function visitorLabel(name: string | null | undefined): string {
  return name?.trim() ? name : 'Visitor';
}

/** `order_number` → "Order number": welcome-form keys as labels. */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

export const STATUS_LABELS: Record<AgentStatus, string> = {
  WAITING_NEW_CALL: 'Ready',
  SERVING_CUSTOMER: 'Serving',
  TAKING_BREAK: 'On a break',
  HANG_UP: 'You ended the chat',
  REMOTE_CUSTOMER_HANGUP: 'The visitor ended the chat',
};

const EVENT_TEXT: Record<ConversationEvent, (name: string) => string> = {
  'agent-joined': (name) => `${name} joined the chat`,
  'agent-left': (name) => `${name} left; the chat went back to the queue`,
  'visitor-ended': () => 'The visitor ended the chat',
  'agent-ended': (name) => `${name} ended the chat`,
  abandoned: () => 'The visitor left the queue',
  'message-lost': () => 'A message here was lost to disk damage on the server',
  'idle-warning': () => 'The visitor was warned that the chat closes soon without an answer',
  'idle-closed': () => 'The chat closed: the visitor did not answer',
};

export function eventText(message: EventMessage): string {
  return EVENT_TEXT[message.event](message.name ?? 'The agent');
}
