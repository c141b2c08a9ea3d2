import { OpsctlError } from '../errors/opsctl-error.js';
import type { Executor } from '../exec/executor.js';
import type { Repository } from '../registry/image-ref.js';
import { readActive } from './active-release.js';
import type { ReleaseTarget } from './host-context.js';
import { readReleases, type ReleaseRecord } from './release-record.js';
import type { RemotePaths } from './remote-paths.js';
import { resolveTarget, type DigestLookup } from './resolve-target.js';

export interface RollbackTargetInput {
  readonly exec: Executor;
  readonly paths: RemotePaths;
  readonly registry: DigestLookup;
  readonly repo: Repository;
  readonly sha: string | undefined;
}

const succeeded = (r: ReleaseRecord): boolean => r.outcome === 'succeeded';

/**
 * Where a rollback goes. Without a SHA: the newest successful release before the one serving now.
 * With one: a release in the history (even if the registry no longer has its tag) or any image of
 * that commit in the registry. An unknown SHA is refused with the list of what is available.
 */
export async function chooseRollbackTarget(input: RollbackTargetInput): Promise<ReleaseTarget> {
  const history = await readReleases(input.exec, input.paths.releasesFile);
  const active = await readActive(input.exec, input.paths.activeFile);
  if (input.sha === undefined) {
    const previous = history
      .filter(succeeded)
      .reverse()
      .find((r) => r.sha !== active?.sha);
    if (previous === undefined) {
      throw new OpsctlError({
        code: 'NO_PREVIOUS_RELEASE',
        kind: 'user',
        message: `There is no earlier successful release to roll back to${active === undefined ? '' : ` (serving ${active.sha})`}.`,
        hint: 'Pass --sha with a commit whose image is in the registry.',
      });
    }
    return { sha: previous.sha, digest: previous.digest, image: previous.image };
  }
  const wanted = input.sha.toLowerCase();
  const known = history
    .filter((r) => r.sha.startsWith(wanted.slice(0, r.sha.length)) && wanted.length >= 4)
    .reverse()[0];
  if (known !== undefined) return { sha: known.sha, digest: known.digest, image: known.image };
  try {
    return await resolveTarget(input.registry, input.repo, wanted);
  } catch (error) {
    if (error instanceof OpsctlError && error.code === 'IMAGE_NOT_FOUND') {
      const released = [...new Set(history.filter(succeeded).map((r) => r.sha))];
      throw new OpsctlError({
        code: 'UNKNOWN_RELEASE',
        kind: 'user',
        message: `${error.message} Released before: ${released.length === 0 ? 'none' : released.join(', ')}.`,
        hint: 'Pick one of the SHAs listed above (opsctl releases shows the history).',
        details: error.details,
      });
    }
    throw error;
  }
}
