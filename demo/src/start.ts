/**
 * `npm start`: Parley with the embedded store and the demo config, plus how to sign in.
 * Runs the server in this process (its own logger prints the rest).
 */
import { prepareConsole } from './console-build.js';
import { DEMO_AGENTS, DEMO_PASSWORD } from './demo-credentials.js';

const port = process.env.PORT || '8080';
const base = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
const lines = [
  '',
  '  Parley demo',
  `  Agent console: ${base}/agent/`,
  `  Health:        ${base}/healthz`,
  `  Statistics:    ${base}/api/rooms/GENERAL/stats`,
  `  Details:       ${base}/api/rooms/GENERAL/stats/details?key=demo-general-stats-key-change-me`,
  `  Agents sign in with any of ${DEMO_AGENTS.join(', ')}`,
  `  and the password "${DEMO_PASSWORD}" (POST ${base}/api/agent/sessions).`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
await prepareConsole();
await import('../../server/src/main.js');
