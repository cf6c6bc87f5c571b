import { conversationContract } from './conversation-contract.js';
import { limitsContract } from './limits-contract.js';
import { outboxContract } from './outbox-contract.js';
import { sessionContract } from './session-contract.js';
import { settingsContract } from './settings-contract.js';
import type { StoreFactory } from './store-factory.js';

/** Every role of the Store interface, checked against one implementation. */
export function storeContract(factory: StoreFactory): void {
  conversationContract(factory);
  sessionContract(factory);
  outboxContract(factory);
  settingsContract(factory);
  limitsContract(factory);
}
