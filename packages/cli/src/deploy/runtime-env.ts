import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redactor } from '../secrets/redactor.js';
import type { Secret } from '../secrets/secret.js';
import { parseDotenv } from '../secrets/values/dotenv.js';
import { readSecrets } from '../secrets/values/read-secrets.js';
import { createValueSource, type ValueSource } from '../secrets/values/value-source.js';

export interface RuntimeEnvInput {
  /** Non-secret variables from the service's `env` in opsctl.yaml. */
  readonly plain: Readonly<Record<string, string>>;
  /** Names of the environment's secrets that go to the droplets. */
  readonly secretNames: readonly string[];
  readonly environment: string;
  /** Where opsctl.yaml lives: `.env.<environment>` is read from there. */
  readonly configDir: string;
  readonly processEnv: Readonly<Record<string, string | undefined>>;
  /** Each secret value is registered here as it is read. */
  readonly redactor: Redactor;
  /** Where values come from; by default the process environment, then `.env.<environment>`. */
  readonly source?: ValueSource | undefined;
}

/**
 * Values of `.env.<environment>` (a gitignored file of KEY=value lines), for settings such as a
 * registry password. Lines that are not assignments are skipped here; secrets go through
 * {@link createValueSource}, which reports them.
 */
export function readDotEnv(configDir: string, environment: string): Map<string, string> {
  const file = join(configDir, `.env.${environment}`);
  if (!existsSync(file)) return new Map();
  return new Map(parseDotenv(readFileSync(file, 'utf8')).values);
}

/**
 * The variables a release container gets: plain ones, then secrets from the process environment
 * or `.env.<environment>` (all present, or an error naming the missing).
 */
export function runtimeEnv(input: RuntimeEnvInput): Map<string, string | Secret> {
  const source =
    input.source ??
    createValueSource({
      env: input.processEnv,
      configDir: input.configDir,
      environment: input.environment,
    });
  const secrets = readSecrets(source, input.secretNames, input.redactor, input.environment);
  return new Map<string, string | Secret>([...Object.entries(input.plain), ...secrets]);
}
