import { OpsctlError } from '../errors/opsctl-error.js';
import type { RegistryConfig } from './schema/registry.js';
import type { OpsctlConfig } from './types.js';

/**
 * The host of a DigitalOcean registry, when it is not registry.digitalocean.com: read like
 * DIGITALOCEAN_API_URL (the process environment, then `.env.<environment>`), so an environment
 * whose API endpoint is a stand-in (the local one) reaches that stand-in's registry. The
 * docker-credentials answer must name the same host (checked where credentials are fetched).
 */
export const DIGITALOCEAN_REGISTRY_HOST_VAR = 'DIGITALOCEAN_REGISTRY_HOST';
/**
 * A PEM file of CAs trusted for that registry besides the public ones (the local stand-in's CA).
 * Not NODE_EXTRA_CA_CERTS: that one is the machine's (often a proxy's bundle), set for every process,
 * and it would win over the environment's own setting.
 */
export const REGISTRY_CA_VAR = 'DIGITALOCEAN_REGISTRY_CA';

/** Reads a setting of one environment (process environment, then `.env.<environment>`). */
export type EnvironmentSettings = (environment: string, name: string) => string | undefined;

const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;

/**
 * Each environment's DigitalOcean registry at the host its settings name, if any. A malformed host
 * is an error naming the setting, before anything is contacted.
 */
export function withRegistryEndpoints(
  config: OpsctlConfig,
  settings: EnvironmentSettings,
): OpsctlConfig {
  const environments = Object.fromEntries(
    Object.entries(config.environments).map(([name, env]) => [
      name,
      { ...env, registry: registryAt(env.registry, name, settings) },
    ]),
  );
  return { ...config, environments };
}

function registryAt(
  registry: RegistryConfig,
  environment: string,
  settings: EnvironmentSettings,
): RegistryConfig {
  if (registry.kind !== 'digitalocean') return registry;
  const host = settings(environment, DIGITALOCEAN_REGISTRY_HOST_VAR);
  if (host === undefined) return registry;
  if (!HOST.test(host)) {
    throw new OpsctlError({
      code: 'CONFIG_INVALID',
      kind: 'user',
      message: `${DIGITALOCEAN_REGISTRY_HOST_VAR} (environment ${environment}) is "${host}"; expected host[:port] without a scheme.`,
      hint: `Fix or unset ${DIGITALOCEAN_REGISTRY_HOST_VAR} in the environment or in .env.${environment}; unset means registry.digitalocean.com.`,
    });
  }
  const caFile = settings(environment, REGISTRY_CA_VAR);
  return {
    ...registry,
    server: host,
    prefix: `${host}/${registry.name}`,
    ...(caFile === undefined ? {} : { caFile }),
  };
}
