import type { Executor } from '../exec/executor.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import {
  currentBranch,
  headCommit,
  originUrl,
  tagsAtHead,
  workingTreeChanges,
} from './git-commands.js';
import { highestSemVer, type SemVer } from './semver.js';
import { sourceUrl } from './source-url.js';

/** What a build records about the commit it was made from. */
export interface GitState {
  readonly sha: string;
  /** Uncommitted changes or untracked files in the working tree. */
  readonly dirty: boolean;
  /** `git status --porcelain` lines behind `dirty`, for messages. */
  readonly changes: readonly string[];
  /** The highest semantic-version git tag on HEAD. */
  readonly version: SemVer | undefined;
  /** The branch checked out, or the one CI names for a detached checkout. */
  readonly branch: string | undefined;
  /** Repository URL without credentials. */
  readonly sourceUrl: string | undefined;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Reads HEAD, dirtiness, version tags, branch and origin of the repository at `dir`. */
export async function readGitState(
  local: Executor,
  dir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<GitState> {
  const head = await local.run(headCommit(dir), { allowFailure: true });
  const sha = head.stdout.trim();
  if (head.exitCode !== 0 || !/^[0-9a-f]{40}$/.test(sha)) {
    throw new OpsctlError({
      code: 'GIT_HEAD_UNKNOWN',
      kind: 'user',
      message: `Cannot read the commit of HEAD in ${dir}: images are named after commits, so opsctl builds only inside a git repository with at least one commit.`,
      hint: 'Run opsctl from a git checkout (git init && git commit), next to opsctl.yaml.',
      details: { stderr: head.stderr.trim() },
    });
  }
  const [status, tags, branch, origin] = await Promise.all([
    local.run(workingTreeChanges(dir)),
    local.run(tagsAtHead(dir)),
    local.run(currentBranch(dir), { allowFailure: true }),
    local.run(originUrl(dir), { allowFailure: true }),
  ]);
  const changes = lines(status.stdout);
  return {
    sha,
    dirty: changes.length > 0,
    changes,
    version: highestSemVer(lines(tags.stdout)),
    branch: branch.exitCode === 0 ? branch.stdout.trim() || undefined : ciBranch(env),
    sourceUrl: sourceUrl(env, origin.exitCode === 0 ? origin.stdout : undefined),
  };
}

/** GitHub Actions checks out pull requests and tags detached; it names the branch itself. */
function ciBranch(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  return env.GITHUB_REF_TYPE === 'branch' && env.GITHUB_REF_NAME ? env.GITHUB_REF_NAME : undefined;
}
