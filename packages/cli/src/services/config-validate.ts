import type { CommandContext } from '../context/command-context.js';

export type ConfigValidateOptions = Record<string, never>;

/** A valid configuration, summarised. */
export interface ConfigValidateResult {
  readonly valid: true;
  /** Absolute path of the file that was checked. */
  readonly path: string;
  readonly project: string;
  readonly services: readonly string[];
  readonly environments: readonly string[];
  readonly defaultEnvironment: string | undefined;
}

/**
 * Check opsctl.yaml. An invalid file throws `CONFIG_INVALID` listing every problem with its
 * path and line (exit code 2); a valid one is summarised.
 */
export async function configValidate(
  context: CommandContext,
  _options: ConfigValidateOptions = {},
): Promise<ConfigValidateResult> {
  const { config, path } = await context.config();
  const result: ConfigValidateResult = {
    valid: true,
    path,
    project: config.project,
    services: Object.keys(config.services),
    environments: Object.keys(config.environments),
    defaultEnvironment: config.defaultEnvironment,
  };
  const list = (names: readonly string[], one: string) =>
    `${names.length} ${one}${names.length === 1 ? '' : 's'} (${names.join(', ')})`;
  context.output.line(
    `${path} is valid: project ${result.project}, ${list(result.services, 'service')}, ${list(result.environments, 'environment')}.`,
  );
  return result;
}
