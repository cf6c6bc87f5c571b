import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from './config-schema.js';

/** `npm run config-schema`: writes docs/parley.config.schema.json from the zod schema (a test fails while it is stale). */
const target = fileURLToPath(new URL('../../../docs/parley.config.schema.json', import.meta.url));
writeFileSync(target, configJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
