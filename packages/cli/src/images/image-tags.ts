import { SHORT_SHA_LENGTH, shortSha } from '../deploy/resolve-target.js';
import type { SemVer } from './semver.js';

/** `<sha>`: the first 12 hex characters of the commit. Immutable once pushed. */
const COMMIT_TAG = new RegExp(`^[0-9a-f]{${SHORT_SHA_LENGTH}}$`);
/** `<sha>-dirty`: built from a working tree with uncommitted changes (never in CI). */
const DIRTY_TAG = new RegExp(`^[0-9a-f]{${SHORT_SHA_LENGTH}}-dirty$`);
/** Looks like a version tag; a branch must not pass for one. */
const VERSION_LIKE = /^v?\d+\.\d+\.\d+/;
/** Docker's limit on tag length. */
const MAX_TAG_LENGTH = 128;

export const isCommitTag = (tag: string): boolean => COMMIT_TAG.test(tag);
export const isDirtyTag = (tag: string): boolean => DIRTY_TAG.test(tag);
/** Tags that name one build of one commit: what retention counts and immutability guards. */
export const isBuildTag = (tag: string): boolean => isCommitTag(tag) || isDirtyTag(tag);

/** The tag naming a build of `sha`: `<sha12>`, or `<sha12>-dirty` for a dirty working tree. */
export const buildTag = (sha: string, dirty: boolean): string =>
  dirty ? `${shortSha(sha)}-dirty` : shortSha(sha);

/** `v1.2.3`; build metadata's `+` (not allowed in Docker tags) becomes `_`. */
export const versionTag = (version: SemVer): string => `v${version.text.replaceAll('+', '_')}`;

/**
 * A branch name as a Docker tag: characters Docker refuses become `-`, no leading `.` or `-`,
 * at most 128 characters. A branch that would read as a commit, version or `latest` tag is
 * prefixed with `branch-`, so it can never move a tag that must not move. Undefined when
 * nothing usable is left.
 */
export function branchTag(branch: string): string | undefined {
  const cleaned = branch.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '');
  if (cleaned === '') return undefined;
  const reserved = cleaned === 'latest' || isBuildTag(cleaned) || VERSION_LIKE.test(cleaned);
  return (reserved ? `branch-${cleaned}` : cleaned).slice(0, MAX_TAG_LENGTH);
}

export interface TagInput {
  /** Full commit SHA. */
  readonly sha: string;
  readonly dirty: boolean;
  readonly version: SemVer | undefined;
  readonly branch: string | undefined;
}

/**
 * Every tag one build gets. A clean build: `<sha>`, `v<semver>` when known, `latest`, and the
 * branch. A dirty build gets only `<sha>-dirty`: a version, `latest` or branch tag on
 * uncommitted code would claim something that is not in git.
 */
export function imageTags(input: TagInput): string[] {
  if (input.dirty) return [buildTag(input.sha, true)];
  const branch = input.branch === undefined ? undefined : branchTag(input.branch);
  const tags = [
    buildTag(input.sha, false),
    ...(input.version === undefined ? [] : [versionTag(input.version)]),
    'latest',
    ...(branch === undefined ? [] : [branch]),
  ];
  return [...new Set(tags)];
}
