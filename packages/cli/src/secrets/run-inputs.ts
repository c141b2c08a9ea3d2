import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import type { EnvironmentConfig, OpsctlConfig, SecretDeclaration } from '../config/types.js';
import { dropletSecretsOf } from './declarations.js';
import { fingerprint, readFingerprintKey } from './fingerprint.js';
import type { Secret } from './secret.js';
import { selectSecrets, type SelectionOptions } from './selection.js';
import { affectedServices } from './sync/build-targets.js';
import { readSecrets } from './values/read-secrets.js';
import { createValueSource, type ValueSource } from './values/value-source.js';

export interface SecretsRunInputs {
  readonly environment: { readonly name: string; readonly config: EnvironmentConfig };
  readonly config: OpsctlConfig;
  readonly configDir: string;
  readonly selected: readonly SecretDeclaration[];
  readonly source: ValueSource;
  readonly values: ReadonlyMap<string, Secret>;
  readonly fingerprints: ReadonlyMap<string, string>;
}

/**
 * What `secrets sync` and `secrets check` start from, settled before any target is contacted:
 * the selected declarations, every value they need (all missing ones reported at once, each
 * masked as it is read), the fingerprint key and the fingerprints of the values.
 */
export async function secretsRunInputs(
  ctx: CommandContext,
  selection: SelectionOptions,
  stdin: string | undefined,
): Promise<SecretsRunInputs> {
  const loaded = await ctx.config();
  const environment = await ctx.environment();
  const configDir = dirname(loaded.path);
  const selected = selectSecrets(environment.config.secrets, environment.name, selection);
  const source = createValueSource({
    env: ctx.env,
    configDir,
    environment: environment.name,
    stdin,
  });
  // A droplet env file is written whole, so it needs every secret of its service.
  const needed = new Set(selected.map((s) => s.name));
  for (const service of affectedServices(loaded.config, selected)) {
    for (const s of dropletSecretsOf(environment.config.secrets, service)) needed.add(s.name);
  }
  const values =
    needed.size === 0
      ? new Map<string, Secret>()
      : readSecrets(source, [...needed], ctx.redactor, environment.name);
  const fingerprints = new Map<string, string>();
  if (needed.size > 0) {
    const key = readFingerprintKey(source, ctx.redactor);
    for (const [name, value] of values) fingerprints.set(name, fingerprint(key, name, value));
  }
  return {
    environment,
    config: loaded.config,
    configDir,
    selected,
    source,
    values,
    fingerprints,
  };
}
