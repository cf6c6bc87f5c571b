/**
 * `npm start`: Parley with the embedded store and the demo config, and the demo shop on another
 * origin (PORT + 1, or DEMO_PORT) pasting the widget as a customer would. Builds the widget first
 * when it is missing or older than its sources. Runs the server in this process (its own logger
 * prints the rest).
 */
import { ensureWidgetBuilt } from '../../widget/scripts/ensure-built.js';
import { prepareConsoles } from './console-build.js';
import { demoBanner } from './demo-banner.js';
import { startDemoSite } from './demo-site.js';

const port = Number(process.env.PORT || '8080');
const host = process.env.HOST || '0.0.0.0';
const base = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');

ensureWidgetBuilt();
await prepareConsoles();
await import('../../server/src/main.js');
const site = await startDemoSite({ parleyUrl: base, host, port: Number(process.env.DEMO_PORT || port + 1) });

process.stdout.write(`${demoBanner({ base, siteUrl: site.url, configPath: process.env.PARLEY_CONFIG }).join('\n')}\n`);
