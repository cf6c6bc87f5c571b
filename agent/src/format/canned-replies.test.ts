import { describe, expect, it } from 'vitest';
import { expandReply, matchingReplies, repliesFor } from './canned-replies.js';

const refund = { shortcut: 'refund', text: 'Hello {visitor.name}, your refund for order {form.order} is on its way. {agent.name}' };
const refundLate = { shortcut: 'refund-late', text: 'Sorry for the wait.' };
const hello = { shortcut: 'hi', text: 'Hi!' };

describe('canned replies', () => {
  it('fills in the visitor, the agent and form answers; leaves unknown variables as written', () => {
    const variables = { visitorName: 'Dana', agentName: 'Alice', form: { order: 'A-1009', newsletter: true } };
    expect(expandReply(refund.text, variables)).toBe('Hello Dana, your refund for order A-1009 is on its way. Alice');
    expect(expandReply('{form.missing}|{form.newsletter}|{visitor.email}', variables)).toBe('|yes|{visitor.email}');
  });

  it('lists the replies a "/shortcut" draft names, the exact one first, and none for other drafts', () => {
    const replies = [refundLate, refund, hello];
    expect(matchingReplies('/refund', replies).map((r) => r.shortcut)).toEqual(['refund', 'refund-late']);
    expect(matchingReplies('/re', replies).map((r) => r.shortcut)).toEqual(['refund-late', 'refund']);
    expect(matchingReplies('/refund-', replies).map((r) => r.shortcut)).toEqual(['refund-late']);
    expect(matchingReplies('/', replies)).toHaveLength(3);
    expect(matchingReplies('about /refund', replies)).toEqual([]);
    expect(matchingReplies('/refund now', replies)).toEqual([]);
  });

  it("puts the agent's own replies first and lets them replace the room's of the same shortcut", () => {
    const mine = { shortcut: 'hi', text: 'Hello there!' };
    expect(repliesFor([mine], [hello, refund])).toEqual([mine, refund]);
  });
});
