import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { RegistryConfig } from './schema/registry.js';
import type { EnvironmentConfig, OpsctlConfig, ParsedConfig } from './types.js';

/** `~` and `~/x` go to the home directory, relative paths to `baseDir`, absolute ones stay. */
export function resolveLocalPath(path: string, baseDir: string, home: string = homedir()): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/**
 * From the parsed file to what services use: local paths made absolute against the config
 * file's directory, and each environment given its effective registry.
 */
export function resolveConfig(parsed: ParsedConfig, baseDir: string, home?: string): OpsctlConfig {
  const local = (path: string): string => resolveLocalPath(path, baseDir, home);
  const services = Object.fromEntries(
    Object.entries(parsed.services).map(([name, service]) => [
      name,
      { ...service, dockerfile: local(service.dockerfile), context: local(service.context) },
    ]),
  );
  const registryPaths = (registry: RegistryConfig | undefined): RegistryConfig | undefined =>
    registry?.kind === 'url' && registry.caFile !== undefined
      ? { ...registry, caFile: local(registry.caFile) }
      : registry;
  const topRegistry = registryPaths(parsed.registry);
  const environments = Object.fromEntries(
    Object.entries(parsed.environments).map(([name, env]): [string, EnvironmentConfig] => {
      // The schema reports an environment without any registry, so one exists here.
      const registry = (registryPaths(env.registry) ?? topRegistry) as RegistryConfig;
      const ssh = { ...env.ssh, key: local(env.ssh.key), knownHosts: local(env.ssh.knownHosts) };
      return [name, { ...env, ssh, registry, github: env.github ?? parsed.github }];
    }),
  );
  return { ...parsed, registry: topRegistry, services, environments };
}
