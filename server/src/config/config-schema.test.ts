import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from './config-schema.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA_FILE = resolve(ROOT, 'docs/parley.config.schema.json');

describe('the config file JSON Schema', () => {
  it('is committed as the zod schema makes it (run `npm run config-schema` after changing the config schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(configJsonSchemaText());
  });

  it('lists what an editor completes: rooms are required, routing is one of two words, unknown keys are errors', () => {
    const schema = configJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { rooms: { items: { properties: Record<string, { enum?: string[] }>; required: string[] } } };
    };
    expect(schema.required).toEqual(['rooms']);
    expect(schema.additionalProperties).toBe(false);
    const room = schema.properties.rooms.items;
    expect(room.properties.routing?.enum).toEqual(['quickest-reply', 'sticky']);
    expect(room.required).toEqual(expect.arrayContaining(['name', 'label', 'statsKey']));
  });

  it('is what the demo configuration names as its $schema', () => {
    const demoPath = resolve(ROOT, 'demo/parley.config.json');
    const demo = JSON.parse(readFileSync(demoPath, 'utf8')) as { $schema?: string };
    expect(resolve(dirname(demoPath), demo.$schema ?? '')).toBe(SCHEMA_FILE);
  });
});
