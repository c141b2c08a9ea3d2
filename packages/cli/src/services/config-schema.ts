import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import { configJsonSchema, configJsonSchemaText, JSON_SCHEMA_PATH } from '../config/json-schema.js';

export interface ConfigSchemaOptions {
  /** File to write, relative to the working directory; `-` prints the schema to stdout. */
  readonly output: string;
}

export type ConfigSchemaResult =
  { readonly path: string; readonly bytes: number } | { readonly schema: Record<string, unknown> };

export const DEFAULT_SCHEMA_OUTPUT = JSON_SCHEMA_PATH;

/** Write the JSON Schema of opsctl.yaml (generated from the zod schema) for editors. */
export async function configSchema(
  context: CommandContext,
  options: ConfigSchemaOptions,
): Promise<ConfigSchemaResult> {
  if (options.output === '-') {
    context.output.line(configJsonSchemaText().trimEnd());
    return { schema: configJsonSchema() };
  }
  const path = resolve(context.cwd, options.output);
  const text = configJsonSchemaText();
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  context.output.line(`Wrote the opsctl.yaml JSON Schema to ${path}.`);
  return { path, bytes: Buffer.byteLength(text) };
}
