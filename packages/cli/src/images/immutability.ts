import { OpsctlError } from '../errors/opsctl-error.js';
import { tagRef, type Repository } from '../registry/image-ref.js';
import type { ManifestInfo } from '../registry/registry-client.js';

/** Where a commit tag stands in the registry before a push. */
export type CommitTagState = 'absent' | 'same-image';

/**
 * A commit tag, once pushed, names one image forever. Locally an image is known by its ID, the
 * digest of its configuration; the registry's manifest names the same configuration digest for the
 * same image (the manifest digest itself only exists after a push). Equal: nothing to push for this
 * tag. Different: refused, naming both.
 */
export function commitTagState(
  repo: Repository,
  tag: string,
  localId: string,
  remote: ManifestInfo | undefined,
): CommitTagState {
  if (remote === undefined) return 'absent';
  if (remote.configDigest === localId) return 'same-image';
  throw immutableTag(repo, tag, localId, remote);
}

export function immutableTag(
  repo: Repository,
  tag: string,
  localId: string,
  remote: ManifestInfo,
): OpsctlError {
  return new OpsctlError({
    code: 'IMAGE_TAG_IMMUTABLE',
    kind: 'user',
    message: `${tagRef(repo, tag)} already exists with a different image (registry: manifest ${remote.digest}, image ${remote.configDigest ?? 'unknown'}; local image ${localId}). Commit tags never move, so nothing was pushed.`,
    hint: 'Deploy the image the registry already holds for this commit, or commit your change and build again (a new commit gets a new tag).',
    details: {
      tag,
      registryDigest: remote.digest,
      registryImage: remote.configDigest,
      localImage: localId,
    },
  });
}
