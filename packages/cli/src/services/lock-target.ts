import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import { environmentDroplets } from '../images/environment-droplets.js';
import type { LockDroplet } from '../droplet/lock/lock-types.js';
import { lockDirOf } from '../droplet/lock/with-environment-lock.js';

/** The environment whose lock a `lock` command acts on, its droplets, directory and TTL. */
export interface LockTarget {
  readonly environment: string;
  readonly droplets: readonly LockDroplet[];
  readonly lockDir: string;
  readonly ttlMs: number;
}

/** The droplets as deploy lists them (static list or tag), one executor each. */
export async function lockTarget(ctx: CommandContext): Promise<LockTarget> {
  const loaded = await ctx.config();
  const env = await ctx.environment();
  const droplets = await environmentDroplets(ctx, env, dirname(loaded.path));
  return {
    environment: env.name,
    droplets,
    lockDir: lockDirOf(env.name),
    ttlMs: env.config.deploy.lockTtl,
  };
}
