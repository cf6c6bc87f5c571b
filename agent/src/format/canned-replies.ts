import type { CannedReply } from '@parley/shared/settings';

/** What a canned reply's variables are filled with: the visitor's name, the agent's, the welcome form's answers. */
export type ReplyVariables = { visitorName: string; agentName: string; form: Record<string, string | boolean> };

/** The replies an agent may use in a room's chat: their own first, then the room's (their own win on a shortcut). */
export function repliesFor(own: readonly CannedReply[], room: readonly CannedReply[]): CannedReply[] {
  const mine = new Set(own.map((reply) => reply.shortcut));
  return [...own, ...room.filter((reply) => !mine.has(reply.shortcut))];
}

/**
 * The replies a draft asks for: a draft that is `/` and the start of a shortcut (nothing else)
 * lists those whose shortcut starts so, the one it names exactly first; any other draft none.
 */
export function matchingReplies(draft: string, replies: readonly CannedReply[]): CannedReply[] {
  const typed = /^\/([a-z0-9_-]*)$/.exec(draft.trim().toLowerCase());
  if (!typed) return [];
  const prefix = typed[1]!;
  return replies.filter((reply) => reply.shortcut.startsWith(prefix)).sort((a, b) => Number(b.shortcut === prefix) - Number(a.shortcut === prefix));
}

/** The reply's text with its variables filled in; an unknown variable stays as written, an unanswered form field is left empty. */
export function expandReply(text: string, variables: ReplyVariables): string {
  return text.replace(/\{(visitor\.name|agent\.name|form\.([A-Za-z0-9_-]+))\}/g, (_whole, name: string, field: string | undefined) => {
    if (name === 'visitor.name') return variables.visitorName;
    if (name === 'agent.name') return variables.agentName;
    const answer = variables.form[field!];
    return answer === undefined ? '' : typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;
  });
}
