import type { Executor } from '../../exec/executor.js';
import type { RemotePaths } from '../remote-paths.js';
import { readActive, type ActiveRelease } from './active-release.js';
import { previousRelease } from './previous-release.js';
import { readReleases, type ReleaseRecord } from './release-record.js';

/** What a droplet runs, its history, and the release a rollback would return to. */
export interface DropletReleaseState {
  readonly active: ActiveRelease | undefined;
  readonly history: readonly ReleaseRecord[];
  readonly previous: ReleaseRecord | undefined;
}

/** Reads active.json and releases.jsonl of one droplet (errors name the droplet and the file). */
export async function readDropletReleases(
  exec: Executor,
  paths: Pick<RemotePaths, 'activeFile' | 'releasesFile'>,
): Promise<DropletReleaseState> {
  const [active, history] = await Promise.all([
    readActive(exec, paths.activeFile),
    readReleases(exec, paths.releasesFile),
  ]);
  return { active, history, previous: previousRelease(history, active) };
}
