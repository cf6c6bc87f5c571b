import { ConfigFile } from '@parley/shared/settings';
import { STATS_KEY, TEST_PASSWORD_HASH } from './test-config.js';

/**
 * Rooms for the widget's tests: a branded room with a full welcome form, a room that is
 * available only while an agent is ready, and a room that only `localhost` pages may host
 * (tests serve "foreign" pages from 127.0.0.1, which is another site as far as browsers go).
 */
export const widgetRooms = ConfigFile.parse({
  rooms: [
    {
      name: 'GENERAL',
      label: 'Shop help',
      statsKey: STATS_KEY,
      // Several chats at once, so that each browser test waits for its own visitor's offer.
      capacityPerAgent: 10,
      companyName: 'Acme Bikes',
      header: 'Talk to Acme',
      subHeader: 'We answer within minutes',
      agentRole: 'Mechanic',
      theme: { primaryColor: '#0a7d4f', primaryTextColor: '#ffffff', backgroundColor: '#fbfbf7', textColor: '#14213d', fontFamily: 'Georgia, serif' },
      welcomeForm: [
        { key: 'name', type: 'text', label: 'Your name', rule: 'required' },
        { key: 'email', type: 'email', label: 'Email', rule: 'required' },
        { key: 'phone', type: 'phone', label: 'Phone', rule: 'optional' },
        { key: 'topic', type: 'select', label: 'Topic', rule: 'optional', options: ['Orders', 'Repairs'] },
        { key: 'question', type: 'textarea', label: 'Question', rule: 'optional' },
        { key: 'terms', type: 'checkbox', label: 'I agree to the chat being recorded', rule: 'required' },
        { key: 'customerId', type: 'text', label: 'Customer number', rule: 'hidden' },
      ],
      menu: [{ label: 'Shipping times', url: 'https://acme.example/shipping' }],
      smsNumber: '+1 555 010 0199',
      whitelistedDomains: ['localhost'],
    },
    {
      name: 'STAFFED',
      label: 'Staffed',
      statsKey: STATS_KEY,
      language: 'fr',
      welcomeForm: [{ key: 'name', type: 'text', label: 'Nom', rule: 'optional' }],
      availability: { rules: [{ type: 'readyAgents', atLeast: 1 }] },
    },
  ],
  agents: [
    { id: 'alice@test.parley', name: 'Alice', passwordHash: TEST_PASSWORD_HASH, rooms: ['GENERAL', 'STAFFED'] },
    { id: 'bob@test.parley', name: 'Bob', passwordHash: TEST_PASSWORD_HASH, rooms: ['STAFFED'] },
  ],
});
