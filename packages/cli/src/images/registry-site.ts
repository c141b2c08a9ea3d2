import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { CommandContext } from '../context/command-context.js';
import type { RegistryConfig } from '../config/types.js';
import { createDigitalOceanClient, type DigitalOceanClient } from '../digitalocean/index.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { repository, type Repository } from '../registry/image-ref.js';
import { RegistryClient } from '../registry/registry-client.js';
import { Secret } from '../secrets/secret.js';
import { registryFailure } from './errors.js';
import { settingLookup, type SettingLookup } from './settings-lookup.js';

/**
 * Names the DigitalOcean registry that manages a `url` registry (listing with sizes and dates,
 * deletes, garbage collection through the API). The local environment's registry is one: its
 * DigitalOcean stand-in manages it as `opsctl-local`. Read like credentials (environment, then
 * `.env.<environment>`). A `digitalocean` registry needs no such setting.
 */
export const DIGITALOCEAN_REGISTRY_VAR = 'DIGITALOCEAN_REGISTRY';

export interface RegistryLogin {
  readonly server: string;
  readonly username: string;
  readonly password: Secret;
}

/** The DigitalOcean API in charge of a registry, and the name it knows the registry by. */
export interface DigitalOceanRegistry {
  readonly api: DigitalOceanClient;
  readonly name: string;
}

/** One registry as an environment (or the top-level `registry`) configures it. */
export interface RegistrySite {
  readonly config: RegistryConfig;
  /** `host[:port]`, for messages. */
  readonly server: string;
  /** Credentials from opsctl.yaml (`username` + `passwordEnv`); DigitalOcean's come from its API. */
  readonly configuredLogin: RegistryLogin | undefined;
  readonly digitalocean: DigitalOceanRegistry | undefined;
  /**
   * A Registry HTTP API v2 client for a service's repository; with `login`, it authenticates with
   * those credentials (a DigitalOcean registry's from docker-credentials) instead of the API token.
   */
  repository(service: string, login?: RegistryLogin): { repo: Repository; client: RegistryClient };
  /** The login for docker push: configured credentials, else DigitalOcean's docker-credentials. */
  pushLogin(): Promise<RegistryLogin | undefined>;
  /**
   * The login droplets pull with: configured credentials, else DigitalOcean's read-only
   * docker-credentials (the API token never goes to a droplet).
   */
  pullLogin(): Promise<RegistryLogin | undefined>;
}

/** How long the credentials a deploy hands to droplets stay valid. */
const PULL_CREDENTIALS_SECONDS = 3600;

export interface RegistrySiteInput {
  readonly config: RegistryConfig;
  /** The environment, whose `.env.<name>` file may hold credentials; undefined for the top level. */
  readonly environment: string | undefined;
  readonly configDir: string;
}

/** Settles credentials, CA and API access for a registry. Reads no network. */
export function registrySite(ctx: CommandContext, input: RegistrySiteInput): RegistrySite {
  const { config } = input;
  const lookup = settingLookup(ctx.env, input.configDir, input.environment);
  const configuredLogin = loginFromConfig(ctx, config, lookup, input.environment);
  const digitalocean = digitalOceanFor(ctx, config, lookup);
  // A url registry's own CA replaces the public ones; a DigitalOcean registry's extra CA (the
  // local stand-in's) is trusted besides them.
  const ca =
    config.caFile === undefined
      ? undefined
      : config.kind === 'url'
        ? readCa(config.caFile)
        : [...rootCertificates, readCa(config.caFile)].join('\n');
  // DigitalOcean Container Registry accepts the API token as user name and password.
  const apiToken = config.kind === 'digitalocean' ? lookup('DIGITALOCEAN_TOKEN') : undefined;
  const clientCredentials =
    configuredLogin ??
    (apiToken === undefined
      ? undefined
      : { username: apiToken, password: new Secret(apiToken, 'DIGITALOCEAN_TOKEN') });
  return {
    config,
    server: config.server,
    configuredLogin,
    digitalocean,
    repository: (service, login) => {
      const repo = repository(config.prefix, service);
      const credentials = login ?? clientCredentials;
      const client = new RegistryClient(repo, {
        ...(credentials === undefined ? {} : { credentials }),
        ...(ca === undefined ? {} : { ca }),
      });
      return { repo, client };
    },
    pushLogin: async () =>
      configuredLogin ??
      (digitalocean === undefined
        ? undefined
        : dockerCredentials(ctx, digitalocean, config.server, true, 3600)),
    pullLogin: async () =>
      configuredLogin ??
      (config.kind === 'digitalocean' && digitalocean !== undefined
        ? dockerCredentials(ctx, digitalocean, config.server, false, PULL_CREDENTIALS_SECONDS)
        : undefined),
  };
}

/**
 * Credentials from the DigitalOcean API for the registry at `server`. An answer for another host
 * means the API endpoint and DIGITALOCEAN_REGISTRY_HOST disagree: fail before anyone logs in.
 */
async function dockerCredentials(
  ctx: CommandContext,
  digitalocean: DigitalOceanRegistry,
  server: string,
  readWrite: boolean,
  expirySeconds: number,
): Promise<RegistryLogin> {
  let creds: Awaited<ReturnType<DigitalOceanClient['getDockerCredentials']>>;
  try {
    creds = await digitalocean.api.getDockerCredentials(digitalocean.name, {
      readWrite,
      expirySeconds,
    });
  } catch (error) {
    throw registryFailure(error, server);
  }
  ctx.redactor.add(creds.password.reveal());
  if (creds.host !== server) {
    throw new OpsctlError({
      code: 'REGISTRY_HOST_MISMATCH',
      kind: 'user',
      message: `The DigitalOcean API gave credentials for registry ${creds.host}, but images go to ${server}.`,
      hint: `Set DIGITALOCEAN_REGISTRY_HOST to ${creds.host} (or unset it for registry.digitalocean.com), or point DIGITALOCEAN_API_URL at the API that serves ${server}.`,
    });
  }
  return { server: creds.host, username: creds.username, password: creds.password };
}

function loginFromConfig(
  ctx: CommandContext,
  config: RegistryConfig,
  lookup: SettingLookup,
  environment: string | undefined,
): RegistryLogin | undefined {
  if (config.kind !== 'url' || config.username === undefined || config.passwordEnv === undefined)
    return undefined;
  const value = lookup(config.passwordEnv);
  if (value === undefined) {
    throw new OpsctlError({
      code: 'REGISTRY_CREDENTIALS_MISSING',
      kind: 'user',
      message: `The registry password variable ${config.passwordEnv} (registry.passwordEnv for ${config.server}) is not set.`,
      hint: `Set ${config.passwordEnv} in the environment${environment === undefined ? '' : ` or in .env.${environment} beside opsctl.yaml`}.`,
    });
  }
  ctx.redactor.add(value);
  return {
    server: config.server,
    username: config.username,
    password: new Secret(value, config.passwordEnv),
  };
}

function digitalOceanFor(
  ctx: CommandContext,
  config: RegistryConfig,
  lookup: SettingLookup,
): DigitalOceanRegistry | undefined {
  const name = config.kind === 'digitalocean' ? config.name : lookup(DIGITALOCEAN_REGISTRY_VAR);
  if (name === undefined) return undefined;
  const token = lookup('DIGITALOCEAN_TOKEN');
  if (token === undefined) {
    throw new OpsctlError({
      code: 'DIGITALOCEAN_TOKEN_MISSING',
      kind: 'user',
      message: `DIGITALOCEAN_TOKEN is not set; it is needed for DigitalOcean registry "${name}".`,
      hint: 'Export a DigitalOcean API token with registry read/write scope as DIGITALOCEAN_TOKEN.',
    });
  }
  ctx.redactor.add(token);
  const baseUrl = lookup('DIGITALOCEAN_API_URL');
  try {
    const api = createDigitalOceanClient({
      token: new Secret(token, 'DIGITALOCEAN_TOKEN'),
      ...(baseUrl === undefined ? {} : { baseUrl }),
      log: (line) => {
        ctx.logger.debug(line);
      },
    });
    return { api, name };
  } catch (error) {
    throw registryFailure(error, config.server);
  }
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new OpsctlError({
      code: 'FILE_UNREADABLE',
      kind: 'user',
      message: `Cannot read the registry CA certificate ${path} (registry.caFile): ${(error as Error).message}`,
      hint: 'Point registry.caFile at a readable PEM file; for the local environment run `opsctl local up` first.',
      cause: error,
    });
  }
}
