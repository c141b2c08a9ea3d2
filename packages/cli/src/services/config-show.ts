import { stringify } from 'yaml';
import type { CommandContext } from '../context/command-context.js';
import { configView, environmentValueNames, type ConfigView } from '../config/config-view.js';

export interface ConfigShowOptions {
  /** Show only this environment (the argument; default: all of them). */
  readonly environment: string | undefined;
}

export interface ConfigShowResult {
  /** Absolute path of the opsctl.yaml shown. */
  readonly path: string;
  readonly environment: string | undefined;
  readonly config: ConfigView;
}

/**
 * The resolved configuration: defaults applied, paths absolute, each environment with its
 * effective registry. Declared secrets show their name and targets; the value of any variable
 * the configuration reads from the process environment is registered with the redactor first,
 * so it is masked wherever it might appear (even pasted into opsctl.yaml).
 */
export async function configShow(
  context: CommandContext,
  options: ConfigShowOptions,
): Promise<ConfigShowResult> {
  const { config, path } = await context.config();
  for (const name of environmentValueNames(config)) {
    const value = context.env[name];
    if (value !== undefined && value !== '') context.redactor.add(value);
  }
  const environment =
    options.environment === undefined ? undefined : (await context.environment()).name;
  const view = configView(config, environment);
  const shown = environment === undefined ? '' : `, environment ${environment}`;
  context.output.line(`# ${path}${shown} (resolved: defaults applied, durations in ms)`);
  // Without aliases: a shared object (one github block for two environments) prints in full.
  context.output.line(stringify(view, { aliasDuplicateObjects: false }).trimEnd());
  return { path, environment, config: view };
}
