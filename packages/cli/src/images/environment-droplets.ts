import type { CommandContext } from '../context/command-context.js';
import type { EnvironmentConfig } from '../config/types.js';
import { listDroplets } from '../deploy/droplets.js';
import type { Executor } from '../exec/executor.js';
import { sshTargetFor } from '../exec/ssh/ssh-target.js';

export interface EnvironmentRef {
  readonly name: string;
  readonly config: EnvironmentConfig;
}

/** A droplet of an environment with its executor (one SSH connection per host per run). */
export interface DropletRef {
  readonly environment: string;
  readonly name: string;
  readonly exec: Executor;
}

export async function environmentDroplets(
  ctx: CommandContext,
  env: EnvironmentRef,
  configDir: string,
): Promise<DropletRef[]> {
  const droplets = await listDroplets(ctx, env, configDir);
  return droplets.map((d) => ({
    environment: env.name,
    name: d.name,
    exec: ctx.executors.forHost(sshTargetFor(d, env.config.ssh)),
  }));
}
