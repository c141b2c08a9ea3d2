import { command, type RemoteCommand } from '../exec/remote-command.js';

/** The git reads a build needs, as command values run by the local executor (even in dry runs). */

const git = (dir: string, args: readonly string[], description: string): RemoteCommand =>
  command(['git', '-C', dir, ...args], { description, readOnly: true });

export const headCommit = (dir: string): RemoteCommand =>
  git(dir, ['rev-parse', '--verify', 'HEAD'], 'read the commit of HEAD');

/** Tracked changes and untracked files that are not ignored: anything a build could pick up. */
export const workingTreeChanges = (dir: string): RemoteCommand =>
  git(dir, ['status', '--porcelain', '--untracked-files=normal'], 'check for uncommitted changes');

export const tagsAtHead = (dir: string): RemoteCommand =>
  git(dir, ['tag', '--points-at', 'HEAD'], 'list the git tags on HEAD');

/** Exits 1 on a detached HEAD. */
export const currentBranch = (dir: string): RemoteCommand =>
  git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'], 'read the current branch');

export const originUrl = (dir: string): RemoteCommand =>
  git(dir, ['config', '--get', 'remote.origin.url'], 'read the origin URL');
