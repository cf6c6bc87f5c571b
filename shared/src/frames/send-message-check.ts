import { Limits } from '../limits.js';
import type { SendMessageFrame } from './common.js';
import { hasVisibleText } from './visible-text.js';

const SERVER_ID = /^[A-Za-z0-9_-]{16,64}$/;
const CLIENT_ID = /^[A-Za-z0-9_.:-]+$/;

/**
 * The `message` frame checked by hand, by exactly the rules of its zod schema (SendMessageFrame,
 * with ServerId and ClientId): the server receives one for every chat message, and this is a
 * fraction of zod's cost. Returns the frame as zod would (unknown keys dropped), or null when zod
 * would refuse it; the parser then runs zod for the error, so errors read the same either way.
 * send-message-check.test.ts proves the two agree. Change both together.
 */
export function checkSendMessage(raw: Record<string, unknown>): SendMessageFrame | null {
  const { type, conversationId, clientId, text } = raw;
  if (type !== 'message') return null;
  if (typeof conversationId !== 'string' || !SERVER_ID.test(conversationId)) return null;
  if (typeof clientId !== 'string' || clientId.length < 1 || clientId.length > Limits.clientId || !CLIENT_ID.test(clientId)) return null;
  if (typeof text !== 'string' || (text.length > Limits.messageText && codePoints(text) > Limits.messageText) || !hasVisibleText(text)) return null;
  return { type, conversationId, clientId, text };
}

/** Zod measures strings in code points (a surrogate pair is one; a lone surrogate is one too). */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}
