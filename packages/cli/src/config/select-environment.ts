import { OpsctlError } from '../errors/opsctl-error.js';
import type { EnvironmentConfig, OpsctlConfig } from './types.js';

/** Where the environment name came from, reported so users see why a target was chosen. */
export type EnvironmentSource = 'argument' | 'OPSCTL_ENV' | 'defaultEnvironment';

/** The environment a command acts on. */
export interface SelectedEnvironment {
  readonly name: string;
  readonly source: EnvironmentSource;
  readonly config: EnvironmentConfig;
}

/**
 * Pick the environment: the command's argument, else OPSCTL_ENV, else `defaultEnvironment`.
 * Throws a user error naming the known environments when none is given or the name is unknown.
 */
export function selectEnvironment(
  config: OpsctlConfig,
  argument: string | undefined,
  envVar: string | undefined,
): SelectedEnvironment {
  const known = Object.keys(config.environments);
  const pick: [string, EnvironmentSource] | undefined = argument
    ? [argument, 'argument']
    : envVar
      ? [envVar, 'OPSCTL_ENV']
      : config.defaultEnvironment
        ? [config.defaultEnvironment, 'defaultEnvironment']
        : undefined;
  if (!pick) {
    throw new OpsctlError({
      code: 'ENVIRONMENT_NOT_SET',
      kind: 'user',
      message: 'No environment given.',
      hint: `Pass one as the first argument (${known.join(', ')}), set OPSCTL_ENV, or set defaultEnvironment in opsctl.yaml.`,
    });
  }
  const [name, source] = pick;
  const env = config.environments[name];
  if (!env) {
    throw new OpsctlError({
      code: 'ENVIRONMENT_UNKNOWN',
      kind: 'user',
      message: `Environment "${name}" (from ${source}) is not in opsctl.yaml.`,
      hint: `Use one of: ${known.join(', ')}.`,
    });
  }
  return { name, source, config: env };
}
