import type { Store } from '../store.js';

/** A new, empty place for a store to keep its data: a folder, a Redis database. */
export interface StorePlace {
  /** Opens the store on this place; after `close`, opening it again is a restart. */
  open(options?: { now?: () => number }): Promise<Store>;
}

/** One store implementation (or mode) the contract suites run against. */
export type StoreFactory = {
  name: string;
  /** Whether what a store holds survives `close` and `open` on the same place: the restart tests run only then. */
  durable: boolean;
  /**
   * `sweep`: expired sessions stay until `removeExpired` (on the server's clock) removes them.
   * `ttl`: the store forgets them by itself at `expiresAt` (Redis key expiry, on its own clock).
   */
  sessionExpiry: 'sweep' | 'ttl';
  place(): StorePlace;
};
