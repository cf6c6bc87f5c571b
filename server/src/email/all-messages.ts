import type { ChatMessage } from '@parley/shared';
import type { Store } from '../store/store.js';

const PAGE = 1000;

/** Every stored message of a conversation, in order, read a page at a time (for emails that carry the whole chat). */
export async function allMessages(store: Store, conversationId: string): Promise<ChatMessage[]> {
  const all: ChatMessage[] = [];
  for (;;) {
    const page = await store.messages.after(conversationId, all.at(-1)?.seq ?? 0, PAGE);
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}
