import { OpsctlError } from '../errors/opsctl-error.js';
import { readDropletReleases } from '../droplet/releases/droplet-releases.js';
import type { ReleaseRecord } from '../droplet/releases/release-record.js';
import type { RemotePaths } from '../droplet/remote-paths.js';
import { malformedDropletFile } from '../droplet/releases/malformed-file.js';
import { digestRef, type Repository } from '../registry/image-ref.js';
import type { DropletHandle } from './run-deploy.js';
import type { ReleaseTarget } from './host-context.js';
import { resolveTarget, type DigestLookup } from './resolve-target.js';
import { ambiguousSha, checkShaPrefix } from './sha-prefix.js';

export interface RollbackTargetInput {
  readonly droplets: readonly DropletHandle[];
  readonly paths: RemotePaths;
  readonly registry: DigestLookup;
  readonly repo: Repository;
  readonly sha: string | undefined;
}

/**
 * Where a rollback goes, read under the environment's lock from the first droplet by name.
 * Without a SHA: the previous release (the one definition shared with prune and status). With
 * one: the release in the history it names (even if the registry no longer has its tag), or an
 * image of that commit in the registry. A prefix naming several releases is refused with them
 * listed; an unknown SHA is refused with the list of what is available. The image and digest
 * read back must be the configured repository's, or the droplet's file is reported.
 */
export async function chooseRollbackTarget(input: RollbackTargetInput): Promise<ReleaseTarget> {
  const wanted = input.sha === undefined ? undefined : checkShaPrefix(input.sha);
  const primary = [...input.droplets].sort((a, b) => a.name.localeCompare(b.name))[0];
  if (primary === undefined) throw new Error('a rollback needs at least one droplet');
  const { active, history, previous } = await readDropletReleases(primary.exec, input.paths);
  const checked = (r: ReleaseRecord): ReleaseTarget => {
    if (r.image !== digestRef(input.repo, r.digest)) {
      throw malformedDropletFile(
        primary.exec.target,
        input.paths.releasesFile,
        `release ${r.sha} names image ${r.image}, not ${digestRef(input.repo, r.digest)} of the configured repository`,
      );
    }
    return { sha: r.sha, digest: r.digest, image: r.image };
  };
  if (wanted === undefined) {
    if (previous === undefined) {
      throw new OpsctlError({
        code: 'NO_PREVIOUS_RELEASE',
        kind: 'user',
        message: `There is no earlier successful release to roll back to${active === undefined ? '' : ` (serving ${active.sha})`}.`,
        hint: 'Pass --sha with a commit whose image is in the registry.',
      });
    }
    return checked(previous);
  }
  const released = history.filter((r) => r.outcome === 'succeeded');
  const matches = [
    ...new Set(
      released
        .filter((r) => r.sha.startsWith(wanted) || wanted.startsWith(r.sha))
        .map((r) => r.sha),
    ),
  ];
  if (matches.length > 1) throw ambiguousSha(wanted, matches, 'the release history');
  const known = released.reverse().find((r) => r.sha === matches[0]);
  if (known !== undefined) return checked(known);
  try {
    return await resolveTarget(input.registry, input.repo, wanted);
  } catch (error) {
    if (error instanceof OpsctlError && error.code === 'IMAGE_NOT_FOUND') {
      const shas = [...new Set(released.map((r) => r.sha))];
      throw new OpsctlError({
        code: 'UNKNOWN_RELEASE',
        kind: 'user',
        message: `${error.message} Released before: ${shas.length === 0 ? 'none' : shas.join(', ')}.`,
        hint: 'Pick one of the SHAs listed above (opsctl releases shows the history).',
        details: error.details,
      });
    }
    throw error;
  }
}
