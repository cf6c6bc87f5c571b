import { ConfigFile } from '@parley/shared/settings';
import type { Store } from '../../../server/src/store/store.js';
import { STATS_KEY, TEST_PASSWORD_HASH } from './test-config.js';

/**
 * A shop whose GENERAL room uses every email feature (the semicolon-separated sales
 * addresses, an XML lead address with a prefixed provider word, a transcript copy address,
 * alerts), names full of markup to escape, and a QUIET room without email.
 */
export const emailRooms = ConfigFile.parse({
  publicProfile: { companyName: 'Acme <Bikes> & Co', contactEmail: 'hello@acme.test' },
  rooms: [
    {
      name: 'GENERAL',
      label: 'Shop help',
      statsKey: STATS_KEY,
      welcomeForm: [
        { key: 'name', type: 'text', label: 'Name' },
        { key: 'email', type: 'email', label: 'Email' },
      ],
      emailTranscript: true,
      transcriptAddresses: 'archive@acme.test',
      leaveMessage: true,
      salesLeadAddresses: 'sales@acme.test; boss@acme.test',
      xmlLeadAddress: 'crm@dealer.test',
      adfProviderWord: 'Website',
      adfProviderWordPosition: 'prefix',
      emailAlert: true,
    },
    { name: 'QUIET', label: 'Quiet', statsKey: STATS_KEY },
  ],
  agents: [
    { id: 'alice@acme.test', name: 'Alice <Ops> & "Co"', passwordHash: TEST_PASSWORD_HASH, rooms: ['GENERAL'] },
    { id: 'bob@acme.test', name: 'Bob', passwordHash: TEST_PASSWORD_HASH, rooms: ['GENERAL', 'QUIET'] },
  ],
});

export const EMAIL_FROM = 'chat@acme.test';

/** Emails recorded and not yet sent (held alerts aside). */
export async function unsent(store: Store): Promise<number> {
  return (await store.outbox.unfinished()).filter((record) => record.state === 'pending').length;
}
