import { ConfigFile } from '@parley/shared/settings';
import { z } from 'zod';

/**
 * The JSON Schema of the rooms-and-agents file, made from the zod schema Parley checks it with,
 * so the two cannot disagree. Editors read it through the file's `$schema` and complete and check
 * as one types. It describes what one writes (defaults make fields optional); the checks zod runs
 * in code (time zones, the same room listed twice) are not in it, and Parley still reports them.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigFile, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title: 'Parley rooms and agents (PARLEY_CONFIG)',
  };
}

/** The schema file's text, as committed (`npm run config-schema` writes it). */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
