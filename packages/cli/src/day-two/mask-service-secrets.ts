import type { CommandContext } from '../context/command-context.js';
import type { EnvironmentConfig } from '../config/types.js';
import { dropletSecretsOf } from '../secrets/declarations.js';
import { readSecrets } from '../secrets/values/read-secrets.js';
import { createValueSource } from '../secrets/values/value-source.js';

/**
 * Register the values of the service's droplet secrets with the redactor before anything the
 * service printed is shown. The values come from where deploy reads them (the environment, then
 * `.env.<environment>`); a missing one is an error, since its value could not be masked.
 */
export function maskServiceSecrets(
  ctx: CommandContext,
  environment: { readonly name: string; readonly config: EnvironmentConfig },
  service: string,
  configDir: string,
): void {
  const names = dropletSecretsOf(environment.config.secrets, service).map((s) => s.name);
  if (names.length === 0) return;
  const source = createValueSource({ env: ctx.env, configDir, environment: environment.name });
  readSecrets(source, names, ctx.redactor, environment.name);
}
