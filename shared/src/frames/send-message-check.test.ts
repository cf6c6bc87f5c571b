import { describe, expect, it } from 'vitest';
import { createFrameParser } from '../parse-frame.js';
import { AgentClientFrame } from './agent.js';
import { SendMessageFrame } from './common.js';
import { checkSendMessage } from './send-message-check.js';
import { VisitorClientFrame } from './visitor.js';

const good = { type: 'message', conversationId: 'AbCdEfGh_-12345678', clientId: 'v-1.a:b_c', text: 'Hello' };

/** Values each field may take: valid ones at the edges of the rules, invalid ones just past them, and things a hostile client might send. */
const variants: Record<string, unknown[]> = {
  type: ['message', 'Message', 'typing', '', null, undefined, 1, ['message'], { toString: () => 'message' }],
  conversationId: [
    'a'.repeat(16),
    'Z'.repeat(64),
    'a'.repeat(15),
    'a'.repeat(65),
    'abc-def_ghi-jkl0',
    'abc def ghi jkl0',
    'abc.def.ghi.jkl0',
    'ábcdefghijklmnop',
    'abcdefghijklmnop\n',
    '',
    null,
    undefined,
    // biome-ignore lint/correctness/noPrecisionLoss: a number JavaScript cannot hold exactly is one of the inputs on purpose.
    12345678901234567,
    ['abcdefghijklmnop'],
    { length: 16 },
    '__proto__xxxxxxx',
  ],
  clientId: ['x', 'a'.repeat(64), 'a'.repeat(65), '', 'a b', 'a/b', 'v-1.a:b_c', 'é', 'a\u0000', '\n', null, undefined, 7, true, ['x'], {}],
  text: [
    'Hello',
    'x',
    ' x ',
    'a'.repeat(4000),
    'a'.repeat(4001),
    '',
    ' ',
    '\n\t ',
    '\u00a0\u2028\ufeff',
    '\u200b',
    '\u202e\u200d\u2060\u2066',
    '\u202eevil',
    '😀'.repeat(2000),
    '😀'.repeat(2001),
    '😀'.repeat(4000),
    `${'😀'.repeat(4000)}a`,
    `${'a'.repeat(3999)}😀`,
    `${'a'.repeat(4000)}\ud800`,
    `\udc00${'a'.repeat(4000)}`,
    '\udc00\ud800'.repeat(2001),
    `${'\ud800\udc00'.repeat(1999)}\ud800\ud800\udc00`,
    '\ud800',
    '<img src=x onerror=alert(1)>',
    null,
    undefined,
    0,
    false,
    ['Hello'],
    { text: 'Hello' },
  ],
};

/** Every variant of one field with the others good, plus extra keys and odd objects. */
function* inputs(): Generator<unknown> {
  for (const [field, values] of Object.entries(variants)) {
    for (const value of values) {
      const frame: Record<string, unknown> = { ...good };
      if (value === undefined) delete frame[field];
      else frame[field] = value;
      yield frame;
    }
  }
  // Two fields wrong at once, and every pair of variants for the ids.
  for (const conversationId of variants.conversationId!) for (const clientId of variants.clientId!) yield { ...good, conversationId, clientId };
  yield { ...good, extra: 'dropped', seq: 5, __proto__: { text: 'inherited' } };
  yield JSON.parse('{"type":"message","conversationId":"AbCdEfGh_-12345678","clientId":"v1","text":"hi","__proto__":{"admin":true}}');
  yield JSON.parse('{"type":"message","conversationId":"AbCdEfGh_-12345678","clientId":"v1","__proto__":{"text":"from the prototype key"}}');
  yield Object.assign(Object.create({ text: 'inherited' }), { type: 'message', conversationId: good.conversationId, clientId: 'v1' });
}

describe('checkSendMessage: the hand-written check for message frames', () => {
  it('accepts exactly what the zod schema accepts, with the same result, and refuses exactly what it refuses', () => {
    let accepted = 0;
    let refused = 0;
    for (const raw of inputs()) {
      const zod = SendMessageFrame.safeParse(raw);
      const fast = checkSendMessage(raw as Record<string, unknown>);
      if (zod.success) {
        expect(fast, JSON.stringify(raw)?.slice(0, 200)).toEqual(zod.data);
        expect(Object.keys(fast!)).toEqual(Object.keys(zod.data));
        accepted++;
      } else {
        expect(fast, JSON.stringify(raw)?.slice(0, 200)).toBeNull();
        refused++;
      }
    }
    // The inputs exercise both sides well.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(50);
  });

  it('refuses a message of only invisible characters (zero-width, bidi controls), and keeps one with something to see', () => {
    for (const text of ['\u200b', '\u202e\u200d\u2060\u2066', '\ufeff \u00ad\n']) {
      expect(SendMessageFrame.safeParse({ ...good, text }).success, JSON.stringify(text)).toBe(false);
      expect(checkSendMessage({ ...good, text })).toBeNull();
    }
    expect(checkSendMessage({ ...good, text: '\u202eevil' })).toEqual({ ...good, text: '\u202eevil' });
  });

  it('leaves the parsers’ answers unchanged, errors included, on both endpoints', () => {
    for (const union of [VisitorClientFrame, AgentClientFrame]) {
      const withZod = createFrameParser(union);
      const withCheck = createFrameParser(union, { message: checkSendMessage });
      for (const raw of inputs()) {
        const text = JSON.stringify(raw);
        if (text === undefined) continue;
        expect(withCheck(text)).toEqual(withZod(text));
      }
    }
  });
});
