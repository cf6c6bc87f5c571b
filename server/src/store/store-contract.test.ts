import { storeContract } from './contract/store-contract.js';
import { storeFactories } from './contract/store-factories.js';

for (const factory of storeFactories) storeContract(factory);
