import { readActive, type ActiveRelease } from '../deploy/active-release.js';
import { readReleases, type ReleaseRecord } from '../deploy/release-record.js';
import type { RemotePaths } from '../deploy/remote-paths.js';
import type { Executor } from '../exec/executor.js';
import type { DropletReleases } from './droplet-prune-plan.js';

/**
 * The release `opsctl rollback` would return to: the newest successful one before what serves
 * now (the same rule the rollback uses), from the droplet's own history.
 */
export function previousRelease(
  history: readonly ReleaseRecord[],
  active: Pick<ActiveRelease, 'sha'> | undefined,
): ReleaseRecord | undefined {
  return [...history].reverse().find((r) => r.outcome === 'succeeded' && r.sha !== active?.sha);
}

/** What a droplet runs and would roll back to, from active.json and releases.jsonl. */
export async function readDropletReleases(
  exec: Executor,
  paths: Pick<RemotePaths, 'activeFile' | 'releasesFile'>,
): Promise<DropletReleases> {
  const [active, history] = await Promise.all([
    readActive(exec, paths.activeFile),
    readReleases(exec, paths.releasesFile),
  ]);
  const previous = previousRelease(history, active);
  return {
    active: active === undefined ? undefined : { sha: active.sha, digest: active.digest },
    previous: previous === undefined ? undefined : { sha: previous.sha, digest: previous.digest },
  };
}
