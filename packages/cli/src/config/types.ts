import type { z } from 'zod';
import type { opsctlConfigSchema } from './schema/opsctl-config.js';
import type { RegistryConfig } from './schema/registry.js';

export type { RegistryConfig } from './schema/registry.js';
export type { DropletSelector, StaticDroplet } from './schema/droplets.js';
export type { SecretTarget, VercelEnvironment } from './schema/secrets.js';

/** opsctl.yaml exactly as the schema parses it (defaults applied, durations in milliseconds). */
export type ParsedConfig = z.output<typeof opsctlConfigSchema>;

type ParsedEnvironment = ParsedConfig['environments'][string];

/** One service, with `dockerfile` and `context` as absolute paths. */
export type ServiceConfig = ParsedConfig['services'][string];

/** Deploy settings of an environment; durations are in milliseconds. */
export type DeploySettings = ParsedEnvironment['deploy'];

/** SSH settings of an environment; `key` and `knownHosts` are absolute paths. */
export type SshSettings = ParsedEnvironment['ssh'];

export type SecretDeclaration = ParsedEnvironment['secrets'][number];

/** One environment with its effective registry and GitHub repository (its own, else the top-level one). */
export type EnvironmentConfig = Omit<ParsedEnvironment, 'registry'> & {
  readonly registry: RegistryConfig;
};

/** The configuration services receive: validated, defaults applied, paths absolute. */
export type OpsctlConfig = Omit<ParsedConfig, 'environments'> & {
  readonly environments: Readonly<Record<string, EnvironmentConfig>>;
};

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  readonly config: OpsctlConfig;
  /** Absolute path of the opsctl.yaml that was read. */
  readonly path: string;
}
