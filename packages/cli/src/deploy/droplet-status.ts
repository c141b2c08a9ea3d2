import type { Executor } from '../exec/executor.js';
import { command } from '../exec/remote-command.js';
import { readDropletReleases } from '../droplet/releases/droplet-releases.js';
import { containerHealth, containerMemory } from './commands/docker.js';
import { readWarm } from '../droplet/releases/warm-slot.js';
import { warmExpired } from './rollback-path.js';
import { httpStatus } from './commands/http.js';
import { readHolder } from '../droplet/lock/holder-record.js';
import { readLock } from '../droplet/lock/lock-commands.js';
import type { RemotePaths } from '../droplet/remote-paths.js';

export interface DropletStatus {
  readonly droplet: string;
  readonly reachable: boolean;
  readonly slot: string | undefined;
  readonly sha: string | undefined;
  /** Where a rollback would go: the previous release, by the definition rollback and prune use. */
  readonly previousSha: string | undefined;
  /** Container state and Docker health of the active slot, e.g. `running healthy`. */
  readonly health: string | undefined;
  readonly startedAt: string | undefined;
  /** What the load balancer's check sees: the status of GET <healthPath> through the droplet's nginx. */
  readonly loadBalancerCheck: string | undefined;
  /** The previous release kept running out of rotation for a warm rollback (deploy.warmWindow). */
  readonly warm: WarmStatus | undefined;
  readonly error: string | undefined;
}

export interface WarmStatus {
  readonly slot: string;
  readonly sha: string;
  readonly until: string;
  /** Past its window: no rollback target any more, stopped by the next deploy, rollback or prune. */
  readonly expired: boolean;
  /** Its cost: memory use as `docker stats` reports it (`41.2MiB / 1.9GiB`), if it runs. */
  readonly memory: string | undefined;
}

/** Reads one droplet's state; an unreachable droplet is reported, not thrown. */
export async function dropletStatus(
  name: string,
  exec: Executor,
  paths: RemotePaths,
  healthPath: string,
): Promise<DropletStatus> {
  try {
    const [{ active, previous }, warmSlot] = await Promise.all([
      readDropletReleases(exec, paths),
      readWarm(exec, paths.warmFile),
    ]);
    const memory =
      warmSlot === undefined
        ? undefined
        : (
            await exec.run(containerMemory(warmSlot.container), { allowFailure: true })
          ).stdout.trim();
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
      previousSha: previous?.sha,
      health,
      startedAt: started === '' ? undefined : started,
      loadBalancerCheck: check,
      warm:
        warmSlot === undefined
          ? undefined
          : {
              slot: warmSlot.slot,
              sha: warmSlot.sha,
              until: warmSlot.until,
              expired: warmExpired(warmSlot, new Date()),
              memory: memory === '' ? undefined : memory,
            },
      error: undefined,
    };
  } catch (error) {
    return {
      droplet: name,
      reachable: false,
      slot: undefined,
      sha: undefined,
      previousSha: undefined,
      health: undefined,
      startedAt: undefined,
      loadBalancerCheck: undefined,
      warm: undefined,
      error: error instanceof Error ? error.message.split('\n')[0] : String(error),
    };
  }
}

/** The holder of the environment's lock, if any: its record, or the raw text if it does not parse. */
export async function lockHolder(exec: Executor, paths: RemotePaths): Promise<unknown> {
  const raw = (await exec.run(readLock(paths.lockDir))).stdout.trim();
  if (raw === '') return undefined;
  const holder = readHolder(raw);
  return holder.record ?? raw;
}
