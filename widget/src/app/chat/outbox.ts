import { readStored, writeStored } from '../../storage.js';

/** A message the visitor sent that the server has not acknowledged yet. */
export type OutgoingText = { clientId: string; conversationId: string; text: string; at: number };

/**
 * Unacknowledged messages, kept in localStorage so that a reload or another page sends them
 * again. Sending one twice is harmless: the server stores a client id once.
 */
export class Outbox {
  private items: OutgoingText[];

  constructor(private readonly key: string) {
    this.items = parse(readStored(key));
  }

  all(): readonly OutgoingText[] {
    return this.items;
  }

  add(item: OutgoingText): void {
    this.items = [...this.items, item];
    this.save();
  }

  remove(clientId: string): void {
    const kept = this.items.filter((item) => item.clientId !== clientId);
    if (kept.length === this.items.length) return;
    this.items = kept;
    this.save();
  }

  /** Forgets messages of other conversations (ended ones can no longer take them). */
  keepOnly(conversationId: string | null): void {
    const kept = this.items.filter((item) => item.conversationId === conversationId);
    if (kept.length === this.items.length) return;
    this.items = kept;
    this.save();
  }

  private save(): void {
    writeStored(this.key, this.items.length > 0 ? JSON.stringify(this.items) : null);
  }
}

/** Whatever is stored is only trusted as far as it has the right shape. */
function parse(raw: string | null): OutgoingText[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is OutgoingText =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.clientId === 'string' &&
        typeof item.conversationId === 'string' &&
        typeof item.text === 'string' &&
        typeof item.at === 'number',
    );
  } catch {
    return []; // damaged entry: start over rather than fail
  }
}
