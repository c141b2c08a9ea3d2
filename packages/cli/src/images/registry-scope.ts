import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import type { OpsctlConfig, RegistryConfig } from '../config/types.js';
import { isOpsctlError } from '../errors/opsctl-error.js';

/** The registry build and push use, and where its settings come from. */
export interface RegistryScope {
  readonly config: OpsctlConfig;
  readonly configDir: string;
  readonly registry: RegistryConfig;
  /** The environment whose registry it is; undefined for the top-level `registry`. */
  readonly environment: string | undefined;
}

/**
 * The environment's registry when one is named (argument, OPSCTL_ENV, defaultEnvironment), else
 * the top-level `registry`: an image can be built before anyone says where it will run.
 */
export async function registryScope(ctx: CommandContext): Promise<RegistryScope> {
  const loaded = await ctx.config();
  const configDir = dirname(loaded.path);
  try {
    const env = await ctx.environment();
    return {
      config: loaded.config,
      configDir,
      registry: env.config.registry,
      environment: env.name,
    };
  } catch (error) {
    const fallback = loaded.config.registry;
    if (!isOpsctlError(error) || error.code !== 'ENVIRONMENT_NOT_SET' || fallback === undefined)
      throw error;
    return { config: loaded.config, configDir, registry: fallback, environment: undefined };
  }
}
