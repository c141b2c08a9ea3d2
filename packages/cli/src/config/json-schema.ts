import { z } from 'zod';
import { opsctlConfigSchema } from './schema/opsctl-config.js';

/** Where the committed JSON Schema lives inside this package. */
export const JSON_SCHEMA_PATH = 'schema/opsctl.schema.json';

/**
 * The JSON Schema of opsctl.yaml for editors (input side: defaults make keys optional,
 * durations are strings). Generated from the zod schema, never edited by hand.
 */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(opsctlConfigSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
}

/** The exact text of schema/opsctl.schema.json. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
