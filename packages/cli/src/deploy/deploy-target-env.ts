import { readFileSync } from 'node:fs';
import { OpsctlError } from '../errors/opsctl-error.js';
import type { CommandContext } from '../context/command-context.js';
import type { EnvironmentConfig, OpsctlConfig, ServiceConfig } from '../config/types.js';
import { repository, type Repository } from '../registry/image-ref.js';
import { RegistryClient } from '../registry/registry-client.js';
import { Secret } from '../secrets/secret.js';
import { readDotEnv } from './runtime-env.js';

/** The service a command acts on: --service, or the only one declared. */
export function pickService(
  config: OpsctlConfig,
  wanted: string | undefined,
): { name: string; service: ServiceConfig } {
  const names = Object.keys(config.services);
  const name = wanted ?? (names.length === 1 ? names[0] : undefined);
  const service = name === undefined ? undefined : config.services[name];
  if (name === undefined || service === undefined) {
    throw new OpsctlError({
      code: wanted === undefined ? 'SERVICE_NOT_SET' : 'SERVICE_UNKNOWN',
      kind: 'user',
      message:
        wanted === undefined
          ? `Several services are declared (${names.join(', ')}); which one?`
          : `Unknown service "${wanted}". Declared: ${names.join(', ')}.`,
      hint: 'Pass --service with one of the declared services.',
    });
  }
  return { name, service };
}

export interface RegistryAccess {
  readonly repo: Repository;
  readonly client: RegistryClient;
  readonly login:
    { readonly server: string; readonly username: string; readonly password: Secret } | undefined;
}

/**
 * How to reach the environment's registry for a service: the repository, an API client, and the
 * login droplets use to pull. A password comes from the environment or `.env.<env>`, never a flag.
 */
export function registryAccess(
  ctx: CommandContext,
  env: { name: string; config: EnvironmentConfig },
  service: string,
  configDir: string,
): RegistryAccess {
  const registry = env.config.registry;
  const repo = repository(registry.prefix, service);
  let login: RegistryAccess['login'];
  if (
    registry.kind === 'url' &&
    registry.username !== undefined &&
    registry.passwordEnv !== undefined
  ) {
    const value =
      ctx.env[registry.passwordEnv] ?? readDotEnv(configDir, env.name).get(registry.passwordEnv);
    if (value === undefined || value === '') {
      throw new OpsctlError({
        code: 'REGISTRY_CREDENTIALS_MISSING',
        kind: 'user',
        message: `The registry password variable ${registry.passwordEnv} is not set.`,
        hint: `Set ${registry.passwordEnv} in the environment or in .env.${env.name}.`,
      });
    }
    ctx.redactor.add(value);
    login = {
      server: registry.server,
      username: registry.username,
      password: new Secret(value, registry.passwordEnv),
    };
  } else if (registry.kind === 'digitalocean') {
    const token = ctx.env.DIGITALOCEAN_TOKEN;
    if (token === undefined || token === '') {
      throw new OpsctlError({
        code: 'DIGITALOCEAN_TOKEN_MISSING',
        kind: 'user',
        message:
          'DIGITALOCEAN_TOKEN is not set; it is needed to log in to DigitalOcean Container Registry.',
        hint: 'Export a DigitalOcean API token with registry read/write scope as DIGITALOCEAN_TOKEN.',
      });
    }
    ctx.redactor.add(token);
    // DOCR accepts the API token as both user name and password.
    login = {
      server: registry.server,
      username: token,
      password: new Secret(token, 'DIGITALOCEAN_TOKEN'),
    };
  }
  const ca =
    registry.kind === 'url' && registry.caFile !== undefined
      ? readFileSync(registry.caFile, 'utf8')
      : undefined;
  const client = new RegistryClient(repo, {
    ...(login === undefined
      ? {}
      : { credentials: { username: login.username, password: login.password } }),
    ...(ca === undefined ? {} : { ca }),
  });
  return { repo, client, login };
}
