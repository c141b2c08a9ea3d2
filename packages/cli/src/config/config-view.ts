import type { SecretTarget } from './schema/secrets.js';
import type { EnvironmentConfig, OpsctlConfig } from './types.js';

/** A declared secret as `config show` prints it: where it goes, never a value or its age. */
export interface SecretView {
  readonly name: string;
  readonly targets: readonly SecretTarget[];
}

export type EnvironmentView = Omit<EnvironmentConfig, 'secrets'> & {
  readonly secrets: readonly SecretView[];
};

/** The resolved configuration as `config show` prints it. */
export type ConfigView = Omit<OpsctlConfig, 'environments'> & {
  readonly environments: Readonly<Record<string, EnvironmentView>>;
};

const environmentView = (env: EnvironmentConfig): EnvironmentView => ({
  ...env,
  secrets: env.secrets.map(({ name, targets }) => ({ name, targets })),
});

/**
 * The configuration with defaults applied and paths resolved, each declared secret reduced to its
 * name and targets; with `environment`, only that environment.
 */
export function configView(config: OpsctlConfig, environment?: string): ConfigView {
  const names = environment === undefined ? Object.keys(config.environments) : [environment];
  return {
    ...config,
    environments: Object.fromEntries(
      names.flatMap((name) => {
        const env = config.environments[name];
        return env === undefined ? [] : [[name, environmentView(env)]];
      }),
    ),
  };
}

/**
 * Every variable name whose value this configuration may read from the process environment:
 * declared secrets, registry passwords and the DigitalOcean token.
 */
export function environmentValueNames(config: OpsctlConfig): string[] {
  const names = new Set(['DIGITALOCEAN_TOKEN']);
  const registries = [
    config.registry,
    ...Object.values(config.environments).map((e) => e.registry),
  ];
  for (const registry of registries) {
    if (registry?.kind === 'url' && registry.passwordEnv !== undefined)
      names.add(registry.passwordEnv);
  }
  for (const env of Object.values(config.environments))
    for (const secret of env.secrets) names.add(secret.name);
  return [...names];
}
