/**
 * `npm start`: Parley with the embedded store and the demo config, and the demo shop on another
 * origin (PORT + 1, or DEMO_PORT) pasting the widget as a customer would. Builds the widget first
 * when it is missing or older than its sources. Runs the server in this process (its own logger
 * prints the rest).
 */
import { ensureWidgetBuilt } from '../../widget/scripts/ensure-built.js';
import { prepareConsoles } from './console-build.js';
import { DEMO_ADMIN, DEMO_AGENTS, DEMO_PASSWORD } from './demo-credentials.js';
import { startDemoSite } from './demo-site.js';

const port = Number(process.env.PORT || '8080');
const host = process.env.HOST || '0.0.0.0';
const base = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');

ensureWidgetBuilt();
await prepareConsoles();
await import('../../server/src/main.js');
const site = await startDemoSite({ parleyUrl: base, host, port: Number(process.env.DEMO_PORT || port + 1) });

const lines = [
  '',
  '  Parley demo',
  `  Demo shop:     ${site.url}/  (another origin, pasting the widget's script tag)`,
  `  Hosted chat:   ${base}/chat/GENERAL  and an agent's own: ${base}/chat/AGENT-ALICE`,
  `  Agent console: ${base}/agent/`,
  `  Admin console: ${base}/admin/  (${DEMO_ADMIN}, same password as the agents)`,
  `  Health:        ${base}/healthz`,
  `  Statistics:    ${base}/api/rooms/GENERAL/stats`,
  `  Details:       ${base}/api/rooms/GENERAL/stats/details?key=demo-general-stats-key-change-me`,
  `  Agents sign in with any of ${DEMO_AGENTS.join(', ')}`,
  `  and the password "${DEMO_PASSWORD}" (POST ${base}/api/agent/sessions).`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
