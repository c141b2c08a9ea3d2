import { OpsctlError } from '../errors/opsctl-error.js';
import { digestRef, type Repository } from '../registry/image-ref.js';
import type { ReleaseTarget } from './host-context.js';

/** Image tags carry the first 12 characters of the commit SHA. */
export const SHORT_SHA_LENGTH = 12;

export const shortSha = (sha: string): string => sha.slice(0, SHORT_SHA_LENGTH);

const SHA_PREFIX = /^[0-9a-f]{4,40}$/;
const DIRTY_TAG = /^[0-9a-f]{12}-dirty$/;

export interface DigestLookup {
  digestOf(tag: string): Promise<string | undefined>;
  tags(): Promise<string[]>;
}

/**
 * Turns a commit (full SHA, or a prefix of at least 4 characters such as `abc1234`) into the image
 * it was built as, by digest. Refuses, listing what exists, when the registry has no such image.
 */
export async function resolveTarget(
  registry: DigestLookup,
  repo: Repository,
  sha: string,
): Promise<ReleaseTarget> {
  // A build of a working tree with uncommitted changes is tagged `<sha12>-dirty`: deployable
  // (locally), never confused with the commit itself.
  if (DIRTY_TAG.test(sha)) {
    const digest = await registry.digestOf(sha);
    if (digest !== undefined) return { sha, digest, image: digestRef(repo, digest) };
  }
  const wanted = sha.toLowerCase();
  if (!SHA_PREFIX.test(wanted)) {
    throw new OpsctlError({
      code: 'INVALID_SHA',
      kind: 'user',
      message: `"${sha}" is not a commit SHA (4 to 40 hex characters).`,
      hint: 'Pass --sha with a commit such as abc1234, or omit it to use HEAD.',
    });
  }
  const tag = shortSha(wanted);
  let digest = wanted.length >= SHORT_SHA_LENGTH ? await registry.digestOf(tag) : undefined;
  let resolvedTag = tag;
  if (digest === undefined) {
    const shaTags = (await registry.tags()).filter((t) => /^[0-9a-f]{12}$/.test(t));
    const matches = shaTags.filter((t) => t.startsWith(wanted.slice(0, SHORT_SHA_LENGTH)));
    if (matches.length > 1) {
      throw new OpsctlError({
        code: 'AMBIGUOUS_SHA',
        kind: 'user',
        message: `"${sha}" matches several images in ${repo.registry}/${repo.path}: ${matches.join(', ')}.`,
        hint: 'Pass more characters of the SHA.',
      });
    }
    const [only] = matches;
    if (only !== undefined) {
      resolvedTag = only;
      digest = await registry.digestOf(only);
    }
    if (digest === undefined) {
      throw new OpsctlError({
        code: 'IMAGE_NOT_FOUND',
        kind: 'user',
        message: `No image for commit ${sha} in ${repo.registry}/${repo.path}. Available: ${shaTags.length === 0 ? 'none' : shaTags.join(', ')}.`,
        hint: 'Build and push it first (opsctl build && opsctl push), or pick one of the available SHAs.',
        details: { available: shaTags },
      });
    }
  }
  return { sha: resolvedTag, digest, image: digestRef(repo, digest) };
}
