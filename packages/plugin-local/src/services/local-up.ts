import {
  localEnvironmentVariables,
  localUp as startLocal,
  type LocalStatus,
} from '@opsctl/testbed';
import type { CommandContext } from '@opsctl/cli';
import { writeDotEnv } from '../local-env/dot-env-writer.js';
import { renderLocalStatus } from '../local-env/render-local-status.js';
import { localStateDir } from '../local-env/state-dir.js';

export interface LocalUpOptions {
  /** How many droplets to start. */
  readonly droplets: number;
  /** A DigitalOcean API description: Prism checks the stand-in's traffic against it. */
  readonly contract?: string;
}

export type LocalUpResult = LocalStatus;

/**
 * Start the local environment (or keep it, if it is up with the same droplet count), then write
 * the values opsctl needs to use it into .env.local, where `opsctl ... local` reads them.
 */
export async function localUp(
  context: CommandContext,
  options: LocalUpOptions,
): Promise<LocalUpResult> {
  const status = await ensureLocalEnvironment(context, options.droplets, options.contract);
  renderLocalStatus(context, status);
  return status;
}

/** The local environment up with `droplets` droplets and .env.local written; nothing printed. */
export async function ensureLocalEnvironment(
  context: CommandContext,
  droplets: number,
  contract?: string,
): Promise<LocalStatus> {
  const { stateDir, configDir } = await localStateDir(context);
  const status = await startLocal({
    stateDir,
    droplets,
    ...(contract === undefined ? {} : { contract }),
    log: (line) => {
      context.logger.info(line);
    },
  });
  const values = await localEnvironmentVariables(stateDir);
  for (const name of [
    'OPSCTL_REGISTRY_PASSWORD',
    'DIGITALOCEAN_TOKEN',
    'DATABASE_URL',
    'OPSCTL_ADMIN_DATABASE_URL',
    'REDIS_URL',
    'OPSCTL_GITHUB_TOKEN',
    'OPSCTL_VERCEL_TOKEN',
    'OPSCTL_FINGERPRINT_KEY',
  ] as const) {
    context.redactor.add(values[name] ?? '');
  }
  const file = await writeDotEnv(configDir, 'local', values);
  context.logger.info(`wrote ${file}`);
  return status;
}
