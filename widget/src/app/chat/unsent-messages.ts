import { readStored, writeStored } from '@parley/shared/client';
import type { PendingText } from './chat-state.js';

/**
 * Messages the visitor sent that the server has not acknowledged yet, kept in localStorage so
 * that a reload or another page of the site sends them again. Sending one twice is harmless: the
 * server stores a client id once.
 */
export class UnsentMessages {
  constructor(private readonly key: string) {}

  load(): PendingText[] {
    const raw = readStored(this.key);
    if (!raw) return [];
    try {
      const value: unknown = JSON.parse(raw);
      return Array.isArray(value) ? value.filter(isUnsent).map((item) => ({ ...item, failed: false })) : [];
    } catch {
      return []; // damaged entry: start over rather than fail
    }
  }

  /** Keeps what is still on its way (not what was refused for good). */
  save(pending: readonly PendingText[]): void {
    const unsent = pending.filter((p) => !p.failed).map(({ clientId, conversationId, text, at }) => ({ clientId, conversationId, text, at }));
    writeStored(this.key, unsent.length > 0 ? JSON.stringify(unsent) : null);
  }
}

/** Whatever is stored is only trusted as far as it has the right shape. */
function isUnsent(item: unknown): item is Omit<PendingText, 'failed'> {
  if (typeof item !== 'object' || item === null) return false;
  const { clientId, conversationId, text, at } = item as Record<string, unknown>;
  return typeof clientId === 'string' && typeof conversationId === 'string' && typeof text === 'string' && typeof at === 'number';
}
