import { z } from 'zod';
import { Limits } from '../limits.js';

/**
 * A canned reply: text an agent inserts into the reply box by typing `/shortcut` and Tab (never
 * sent without the agent pressing Send). Its text may hold `{visitor.name}`, `{agent.name}` and
 * `{form.KEY}` (an answer of the welcome form), filled in when it is inserted.
 */
export const CannedReply = z.strictObject({
  shortcut: z
    .string({ error: 'must be text' })
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be 1 to 32 lower-case letters, digits, "-" or "_", starting with a letter or digit'),
  text: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(Limits.messageText, `must be at most ${Limits.messageText} characters`),
});
export type CannedReply = z.infer<typeof CannedReply>;

/** A list of canned replies: at most 200, each shortcut once. */
export const CannedReplies = z
  .array(CannedReply)
  .max(200, 'must hold at most 200 replies')
  .superRefine((replies, context) => {
    const seen = new Set<string>();
    replies.forEach((reply, index) => {
      if (seen.has(reply.shortcut)) context.addIssue({ code: 'custom', path: [index, 'shortcut'], message: `"/${reply.shortcut}" is used twice` });
      seen.add(reply.shortcut);
    });
  })
  .default([]);
