import type { z } from 'zod';
import {
  configSchema,
  migrateConfigSchema,
  type Config,
  type MigrateConfig,
} from './config-schema.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Start-up stops with this when the environment is wrong; its message names every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      [
        'Invalid configuration: the API cannot start.',
        ...problems.map((problem) => `  - ${problem}`),
        'Set these variables in the environment or env file and start again.',
      ].join('\n'),
    );
    this.problems = problems;
  }
}

function parse<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  // Issue messages are ours and never include the input: a malformed DATABASE_URL may still
  // contain a real password.
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`),
  );
}

/** Validates the full service configuration; throws ConfigError listing every problem. */
export function loadConfig(env: Env): Config {
  return parse(configSchema, env);
}

/** Validates what the migration command needs. */
export function loadMigrateConfig(env: Env): MigrateConfig {
  return parse(migrateConfigSchema, env);
}
