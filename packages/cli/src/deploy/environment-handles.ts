import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import type { EnvironmentConfig, ServiceConfig } from '../config/types.js';
import { sshTargetFor } from '../exec/ssh/ssh-target.js';
import { pickService } from './deploy-target-env.js';
import { listDroplets } from './droplets.js';
import { remotePaths, type RemotePaths } from '../droplet/remote-paths.js';
import type { DropletHandle } from './run-deploy.js';

export interface EnvironmentHandles {
  readonly environment: { readonly name: string; readonly config: EnvironmentConfig };
  readonly service: string;
  readonly serviceConfig: ServiceConfig;
  readonly configDir: string;
  readonly droplets: readonly DropletHandle[];
  readonly paths: RemotePaths;
}

/** Environment, service, droplets (one executor each) and remote paths: what every droplet command starts from. */
export async function environmentHandles(
  ctx: CommandContext,
  service: string | undefined,
): Promise<EnvironmentHandles> {
  const loaded = await ctx.config();
  const env = await ctx.environment();
  const picked = pickService(loaded.config, service);
  const configDir = dirname(loaded.path);
  const droplets = await listDroplets(ctx, env, configDir);
  return {
    environment: { name: env.name, config: env.config },
    service: picked.name,
    serviceConfig: picked.service,
    configDir,
    droplets: droplets.map((d) => ({
      name: d.name,
      exec: ctx.executors.forHost(sshTargetFor(d, env.config.ssh)),
    })),
    paths: remotePaths(
      picked.name,
      env.name,
      env.config.envFile.replaceAll('{service}', picked.name),
    ),
  };
}
