import { resolve } from 'node:path';
import { DEMO_CONFIG_PATH } from '../../server/src/config/load-config.js';
import { DEMO_ADMIN, DEMO_AGENTS, DEMO_PASSWORD } from './demo-credentials.js';

/**
 * What `npm start` prints once Parley runs. The demo's accounts, password and statistics key are
 * printed only when the demo's own config is the one in use (`configPath`, PARLEY_CONFIG, unset
 * or the demo's): with a site's own config they would be wrong, and a key printed in a log is a
 * key given away.
 */
export function demoBanner({ base, siteUrl, configPath }: { base: string; siteUrl: string; configPath: string | undefined }): string[] {
  const demoConfig = resolve(configPath || DEMO_CONFIG_PATH) === resolve(DEMO_CONFIG_PATH);
  return [
    '',
    '  Parley demo',
    `  Demo shop:     ${siteUrl}/  (another origin, pasting the widget's script tag)`,
    `  Hosted chat:   ${base}/chat/GENERAL  and an agent's own: ${base}/chat/AGENT-ALICE`,
    `  Agent console: ${base}/agent/`,
    `  Admin console: ${base}/admin/${demoConfig ? `  (${DEMO_ADMIN}, same password as the agents)` : ''}`,
    `  Health:        ${base}/healthz`,
    `  Statistics:    ${base}/api/rooms/GENERAL/stats`,
    ...(demoConfig
      ? [
          `  Details:       ${base}/api/rooms/GENERAL/stats/details?key=demo-general-stats-key-change-me`,
          `  Agents sign in with any of ${DEMO_AGENTS.join(', ')}`,
          `  and the password "${DEMO_PASSWORD}" (POST ${base}/api/agent/sessions).`,
        ]
      : ['  PARLEY_CONFIG is your own: sign in with its accounts.']),
    '',
  ];
}
