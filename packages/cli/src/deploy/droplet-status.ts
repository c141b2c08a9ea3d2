import type { Executor } from '../exec/executor.js';
import { command } from '../exec/remote-command.js';
import { readActive } from './active-release.js';
import { containerHealth } from './commands/docker.js';
import { httpStatus } from './commands/http.js';
import { readLock } from './commands/lock.js';
import type { RemotePaths } from './remote-paths.js';

export interface DropletStatus {
  readonly droplet: string;
  readonly reachable: boolean;
  readonly slot: string | undefined;
  readonly sha: string | undefined;
  /** Container state and Docker health of the active slot, e.g. `running healthy`. */
  readonly health: string | undefined;
  readonly startedAt: string | undefined;
  /** What the load balancer's check sees: the status of GET <healthPath> through the droplet's nginx. */
  readonly loadBalancerCheck: string | undefined;
  readonly error: string | undefined;
}

/** Reads one droplet's state; an unreachable droplet is reported, not thrown. */
export async function dropletStatus(
  name: string,
  exec: Executor,
  paths: RemotePaths,
  healthPath: string,
): Promise<DropletStatus> {
  try {
    const active = await readActive(exec, paths.activeFile);
    const health =
      active === undefined
        ? undefined
        : (await exec.run(containerHealth(active.container))).stdout.trim();
    const started =
      active === undefined
        ? undefined
        : (
            await exec.run(
              command(['docker', 'inspect', '--format', '{{.State.StartedAt}}', active.container], {
                readOnly: true,
              }),
              { allowFailure: true },
            )
          ).stdout.trim();
    const check = (
      await exec.run(httpStatus(80, healthPath), { allowFailure: true })
    ).stdout.trim();
    return {
      droplet: name,
      reachable: true,
      slot: active?.slot,
      sha: active?.sha,
      health,
      startedAt: started === '' ? undefined : started,
      loadBalancerCheck: check,
      error: undefined,
    };
  } catch (error) {
    return {
      droplet: name,
      reachable: false,
      slot: undefined,
      sha: undefined,
      health: undefined,
      startedAt: undefined,
      loadBalancerCheck: undefined,
      error: error instanceof Error ? error.message.split('\n')[0] : String(error),
    };
  }
}

/** The holder of the environment's deploy lock, if any (raw JSON as recorded). */
export async function lockHolder(exec: Executor, paths: RemotePaths): Promise<unknown> {
  const raw = (await exec.run(readLock(paths.lockDir))).stdout.trim();
  return raw === '' ? undefined : (JSON.parse(raw) as unknown);
}
