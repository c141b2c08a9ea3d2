import type { Executor } from '../exec/executor.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { tagRef, type Repository } from '../registry/image-ref.js';
import { localImageId, localImageTags } from './docker-commands.js';

/** A built image on this machine and its tags in one repository. */
export interface LocalImage {
  readonly id: string;
  /** Tags (not full references) of `repo` that point at this image; the commit tag first. */
  readonly tags: readonly string[];
}

/**
 * The image built for `commitTag`, with every other tag of the same repository that still points
 * at it (a later build may have moved `latest` or the branch tag elsewhere: those are not pushed).
 */
export async function findLocalImage(
  local: Executor,
  repo: Repository,
  commitTag: string,
  service: string,
): Promise<LocalImage> {
  const ref = tagRef(repo, commitTag);
  const found = await local.run(localImageId(ref), { allowFailure: true });
  const id = found.stdout.trim();
  if (found.exitCode !== 0 || id === '') {
    throw new OpsctlError({
      code: 'IMAGE_NOT_BUILT',
      kind: 'user',
      message: `No local image ${ref}: service ${service} has not been built from this commit.`,
      hint: 'Run opsctl build first (with the same environment), then push.',
    });
  }
  const prefix = `${repo.registry}/${repo.path}:`;
  const others = (await local.run(localImageTags(id))).stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length))
    .filter((tag) => tag !== commitTag)
    .sort();
  return { id, tags: [commitTag, ...others] };
}
