import { type AgentNote, ErrorCode, NOTES_PER_CONVERSATION } from '@parley/shared';
import { Refusal } from '../core/refusal.js';
import type { ConversationRecord } from '../store/store.js';
import { access } from './access.js';
import type { HubState } from './hub-state.js';

/**
 * Internal notes: the agent serving a conversation (or who served it, once it ended) writes notes
 * that only agents see. They are kept in the conversation's record, so they follow it into the
 * history and out with an erasure, and no path to the visitor carries them (see AgentNote).
 */
export class Notes {
  constructor(private readonly s: HubState) {}

  /** Adds a note (once per client id); the agent's consoles get the conversation with it. */
  async add(agentId: string, frame: { conversationId: string; clientId: string; text: string }): Promise<void> {
    const { record, open } = await access(this.s, { kind: 'agent', agentId }, frame.conversationId);
    if (record.agentId !== agentId) throw new Refusal(ErrorCode.NOT_YOUR_CONVERSATION, 'Only the agent serving this chat can write notes in it.');
    const write = async (current: ConversationRecord): Promise<ConversationRecord> => {
      const notes = current.notes ?? [];
      if (notes.some((note) => note.clientId === frame.clientId)) return current;
      if (notes.length >= NOTES_PER_CONVERSATION) throw new Refusal(ErrorCode.NOT_ALLOWED, `A chat holds at most ${NOTES_PER_CONVERSATION} notes.`);
      const note: AgentNote = { clientId: frame.clientId, agentName: current.agentName ?? '', text: frame.text, at: this.s.clock.now() };
      const saved = { ...current, notes: [...notes, note] };
      await this.s.store.conversations.save(saved);
      return saved;
    };
    // An open conversation changes one step at a time (its record is the hub's); an ended one is only read otherwise.
    const saved = open ? await open.serial(async () => (open.record = await write(open.record))) : await write(record);
    this.s.showAgent(agentId, saved);
  }
}
