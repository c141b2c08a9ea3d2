import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpsctlError } from '../errors/opsctl-error.js';
import { Secret } from '../secrets/secret.js';

export interface RuntimeEnvInput {
  /** Non-secret variables from the service's `env` in opsctl.yaml. */
  readonly plain: Readonly<Record<string, string>>;
  /** Names of the environment's secrets that go to the droplets. */
  readonly secretNames: readonly string[];
  readonly environment: string;
  /** Where opsctl.yaml lives: `.env.<environment>` is read from there. */
  readonly configDir: string;
  readonly processEnv: NodeJS.ProcessEnv;
}

/**
 * Values of `.env.<environment>` (a gitignored file of KEY=value lines); the process environment
 * wins over it, as in CI. Values are never taken from command-line arguments.
 */
export function readDotEnv(configDir: string, environment: string): Map<string, string> {
  const file = join(configDir, `.env.${environment}`);
  const values = new Map<string, string>();
  if (!existsSync(file)) return values;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let value = line.slice(eq + 1);
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
      value = value.slice(1, -1);
    }
    values.set(line.slice(0, eq).replace(/^export\s+/, ''), value);
  }
  return values;
}

/** The variables a release container gets: plain ones, then secrets (all present, or an error naming the missing). */
export function runtimeEnv(input: RuntimeEnvInput): Map<string, string | Secret> {
  const file = readDotEnv(input.configDir, input.environment);
  const values = new Map<string, string | Secret>(Object.entries(input.plain));
  const missing: string[] = [];
  for (const name of input.secretNames) {
    const value = input.processEnv[name] ?? file.get(name);
    if (value === undefined || value === '') missing.push(name);
    else values.set(name, new Secret(value, name));
  }
  if (missing.length > 0) {
    throw new OpsctlError({
      code: 'SECRET_MISSING',
      kind: 'user',
      message: `No value for secret${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of environment ${input.environment}.`,
      hint: `Set ${missing.length > 1 ? 'them' : 'it'} in the environment (CI) or in ${join(input.configDir, `.env.${input.environment}`)} (gitignored).`,
      details: { missing },
    });
  }
  return values;
}
