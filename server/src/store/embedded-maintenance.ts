import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Commit } from './commit.js';
import type { Compactor } from './compactor.js';
import { emailOf, type HistoryDb } from './history-db.js';
import type { MemoryState } from './memory-state.js';
import type { ErasureReport, ErasureRequest, MaintenanceStore } from './store.js';

/** A visitor to erase is in a chat still open: it is ended first (by an agent, or the visitor leaving). */
export class ErasureRefused extends Error {}

/**
 * Retention and erasure for the embedded store. Erasure records an `erase` entry (memory forgets
 * the visitors at once), then runs a compaction: its worker replays that entry too, so the new
 * snapshot holds nothing of theirs and the history deletes their rows (overwritten in place, see
 * history-db.ts), and the journals that held their words are deleted. Only then is it done.
 */
export function embeddedMaintenance(
  state: MemoryState,
  commit: Commit,
  compactor: Compactor,
  history: HistoryDb,
  fileFolder: string,
  now: () => number,
): MaintenanceStore {
  return {
    setRetention: (policy) => compactor.setRetention(policy),
    compact: async () => {
      await compactor.compact();
    },
    async erase(request: ErasureRequest, actor: string): Promise<ErasureReport> {
      const visitors = new Set<string>();
      const emails = new Set<string>();
      if ('visitorId' in request) visitors.add(request.visitorId);
      else {
        const email = request.email.trim().toLowerCase();
        emails.add(email);
        for (const record of state.conversations.values()) if (emailOf(record.form) === email) visitors.add(record.visitorId);
        for (const visitorId of history.visitorsWithEmail(email)) visitors.add(visitorId);
      }
      const conversations = new Set<string>();
      for (const visitorId of visitors) {
        for (const id of state.byVisitor.get(visitorId) ?? []) conversations.add(id);
        for (const id of history.conversationIdsOf(visitorId)) conversations.add(id);
      }
      const open = [...conversations].filter((id) => (state.conversations.get(id)?.status ?? 'ended') !== 'ended');
      if (open.length > 0) throw new ErasureRefused(`${open.length} of their chats is still open: end it, then erase.`);
      for (const id of conversations) {
        const record = state.conversations.get(id) ?? history.conversation(id);
        const email = record && emailOf(record.form);
        if (email) emails.add(email);
      }
      // Emails about them: alerts held for their chats, anything to or from their addresses, anything naming their chats.
      const mails = [...state.outbox.values()]
        .filter(
          (record) =>
            (record.hold && conversations.has(record.hold.conversationId)) ||
            emails.has(record.mail.to.toLowerCase()) ||
            (record.mail.replyTo && emails.has(record.mail.replyTo.address.toLowerCase())) ||
            [...conversations].some((id) => record.mail.text.includes(id)),
        )
        .map((record) => record.id);
      const files = [...state.files.values()].filter((file) => conversations.has(file.conversationId)).map((file) => file.id);
      for (const id of conversations) for (const file of history.filesOf(id)) files.push(file.id);

      await commit({ t: 'erase', visitors: [...visitors], mails });
      await compactor.compact();
      await Promise.all(files.map((id) => rm(join(fileFolder, id), { force: true })));
      const report: ErasureReport = { visitors: visitors.size, conversations: conversations.size, files: files.length, emails: mails.length };
      // What happened, not what it was about: no ids, no addresses.
      await commit({
        t: 'audit',
        e: {
          at: now(),
          actor,
          subject: 'privacy:erasure',
          action: 'erase',
          changes: Object.entries(report).map(([path, count]) => ({ path, from: count, to: 0 })),
        },
      });
      return report;
    },
  };
}
